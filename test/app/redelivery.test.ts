// A delivery is acted on once, but a failed one is not lost: GitHub's "Redeliver" (or a retrying balancer) runs it again.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startServer } from "../../src/app/main.js";
import { postDelivery } from "../support/app-bundle.js";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github.js";
import { example, PRIVATE_KEY } from "./harness.js";

const SECRET = "redelivery-secret";
let fake: FakeGitHub;
let server: Server;
let port: number;

beforeAll(async () => {
  fake = await startFakeGitHub([
    {
      method: "POST",
      path: "/app/installations/1/access_tokens",
      status: 201,
      body: { token: "ghs_r", expires_at: "2099-01-01T00:00:00Z" },
    },
    { method: "GET", path: "/repos/Codertocat/Hello-World/issues", body: [] },
    { method: "GET", path: /\/check-runs$/, body: { total_count: 0, check_runs: [] } },
    // The first delivery cannot write its check (nor the failing one that replaces it): the event fails.
    {
      method: "POST",
      path: "/repos/Codertocat/Hello-World/check-runs",
      status: 422,
      body: { message: "Validation Failed" },
      times: 2,
    },
    { method: "POST", path: "/repos/Codertocat/Hello-World/check-runs", status: 201, body: { id: 77 } },
    {
      method: "POST",
      path: "/repos/Codertocat/Hello-World/issues/2/labels",
      body: [{ name: "risk: high", color: "d93f0b", description: "d" }],
    },
  ]);
  server = await startServer({
    appId: 1,
    privateKey: PRIVATE_KEY,
    webhookSecret: SECRET,
    port: 0,
    host: "127.0.0.1",
    baseUrl: fake.url,
    webhookPath: undefined,
    logLevel: "fatal",
    sweepIntervalMs: 0,
  });
  port = (server.address() as AddressInfo).port;
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
