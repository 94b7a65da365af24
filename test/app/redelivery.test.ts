// A delivery is acted on once, but a failed one is not lost: GitHub's "Redeliver" (or a retrying balancer) runs it again.
import type { Server } from "node:http";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openedPrRoutes, postDelivery, startAppServer } from "../support/app-bundle.js";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github.js";
import { example } from "./harness.js";

const SECRET = "redelivery-secret";
let fake: FakeGitHub;
let server: Server;
let port: number;

beforeAll(async () => {
  fake = await startFakeGitHub(
    openedPrRoutes([
      // The first delivery cannot write its check (nor the failing one that replaces it): the event fails.
      {
        method: "POST",
        path: "/repos/Codertocat/Hello-World/check-runs",
        status: 422,
        body: { message: "Validation Failed" },
        times: 2,
      },
    ]),
  );
  ({ server, port } = await startAppServer(fake.url, SECRET));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await fake.close();
});

const created = () =>
  fake.requests.filter((r) => r.method === "POST" && r.path.endsWith("/check-runs")).length;

it("a failed delivery is acted on again when redelivered; a handled one is not", async () => {
  const payload = example("pull_request", "opened");
  const first = await postDelivery(port, SECRET, "pull_request", payload, "redeliver-1");
  expect(first.status).toBeGreaterThanOrEqual(400);
  expect(created()).toBe(2);

  const again = await postDelivery(port, SECRET, "pull_request", payload, "redeliver-1");
  expect(again.status).toBe(200);
  expect(created()).toBe(3);

  const replay = await postDelivery(port, SECRET, "pull_request", payload, "redeliver-1");
  expect(replay.status).toBe(200);
  expect(created()).toBe(3);
});
