// The bundle end to end: `node dist/app.js` on a loopback port, GitHub's API replaced by a local fake server.
import { sign } from "@octokit/webhooks-methods";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type AppBundle, openedPrRoutes, postDelivery, startAppBundle } from "../support/app-bundle.js";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github.js";
import { head, openRequest } from "../support/raw-http.js";
import { example } from "./harness.js";

const SECRET = "e2e-secret";
let fake: FakeGitHub;
let app: AppBundle;
let port: number;

beforeAll(async () => {
  fake = await startFakeGitHub(openedPrRoutes());
  app = await startAppBundle({ apiUrl: fake.url, secret: SECRET });
  port = app.port;
}, 60_000);

afterAll(async () => {
  app?.child.kill("SIGTERM");
  await fake?.close();
});

it("a signed pull_request.opened posted to dist/app.js creates exactly one check run", async () => {
  const body = JSON.stringify(example("pull_request", "opened"));
  const res = await postDelivery(port, SECRET, "pull_request", body, "e2e-1");
  // 200 when the handler finished within the acknowledgement time, 202 when it goes on after the response.
  expect([200, 202]).toContain(res.status);
  const created = () => fake.requests.filter((r) => r.method === "POST" && r.path.endsWith("/check-runs"));
  for (let i = 0; i < 100 && created().length === 0; i++) await new Promise((r) => setTimeout(r, 100));
  expect(created()).toHaveLength(1);
  expect(created()[0]?.body).toMatchObject({ name: "change-gate", conclusion: "failure" });
  expect(app.output()).not.toContain("ghs_e2e");
});

it("a mis-signed delivery is refused and reaches no API", async () => {
  const before = fake.requests.length;
  const body = JSON.stringify(example("pull_request", "opened"));
  const res = await postDelivery(port, SECRET, "pull_request", body, "e2e-2", await sign("wrong", body));
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(fake.requests.length).toBe(before);
});

it.each([
  ["/./api/github/webhooks", { "Transfer-Encoding": "chunked" }, 411],
  ["http://127.0.0.1/api/github/webhooks", { "Transfer-Encoding": "chunked" }, 411],
  ["/api/github/webhooks", { "Content-Length": 25 * 1024 * 1024 + 1 }, 413],
  ["/elsewhere", { "Content-Length": 25 * 1024 * 1024 + 1 }, 413],
])("dist/app.js refuses POST %s with %o before reading its body (%d)", async (target, framing, status) => {
  const before = fake.requests.length;
  const request = await openRequest(
    port,
    head("POST", target, {
      "Content-Type": "application/json",
      "X-GitHub-Event": "pull_request",
      "X-GitHub-Delivery": "e2e-3",
      "X-Hub-Signature-256": "sha256=00",
      ...framing,
    }),
    "Transfer-Encoding" in framing ? `1000\r\n${"x".repeat(0x1000)}\r\n` : "",
  );
  try {
    expect((await request.answer()).status).toBe(status);
  } finally {
    request.close();
  }
  expect(fake.requests.length).toBe(before);
});
