// Write pacing is per installation: one busy installation must not hold up another's check (issue 17).
import { Probot } from "probot";
import { afterAll, beforeAll, expect, it } from "vitest";
import { throttledOctokit, throttleKey } from "../../src/app/cluster/throttle.js";
import { readAppSettings } from "../../src/app/settings.js";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github.js";
import { PRIVATE_KEY } from "./harness.js";

let fake: FakeGitHub;
beforeAll(async () => {
  fake = await startFakeGitHub([
    {
      method: "POST",
      path: /^\/app\/installations\/\d+\/access_tokens$/,
      status: 201,
      body: { token: "ghs_t", expires_at: "2099-01-01T00:00:00Z" },
    },
    {
      method: "POST",
      path: /\/check-runs$/,
      status: 201,
      body: (req) => ({ id: 1, ...(req.body as object) }),
    },
  ]);
});
afterAll(() => fake.close());

it("an idle installation's write goes out before a busy installation's queued writes", async () => {
  const probot = new Probot({
    appId: 1,
    privateKey: PRIVATE_KEY,
    secret: "s",
    baseUrl: fake.url,
    logLevel: "fatal",
    Octokit: throttledOctokit({ prefix: "change-gate" }),
  });
  const order: string[] = [];
  await probot.load((app) => {
    app.on("check_suite", async (context) => {
      const id = context.payload.installation?.id;
      for (let i = 0; i < (id === 1 ? 2 : 1); i++) {
        await context.octokit.request("POST /repos/{owner}/{repo}/check-runs", {
          owner: "o",
          repo: `r${id}`,
          name: "change-gate",
          head_sha: "a".repeat(40),
        });
        order.push(`installation ${id} write ${i + 1}`);
      }
    });
  });
  // Webhook contexts build their client from the App's options: without per-installation keys they share one queue.
  const event = (installation: number) =>
    ({
      id: `d-${installation}`,
      name: "check_suite",
      payload: { action: "requested", installation: { id: installation }, repository: {}, check_suite: {} },
    }) as unknown as Parameters<typeof probot.receive>[0];
  const busy = probot.receive(event(1));
  while (order.length === 0) await new Promise((r) => setTimeout(r, 10));
  await probot.receive(event(2));
  await busy;
  expect(order).toEqual(["installation 1 write 1", "installation 2 write 1", "installation 1 write 2"]);
});

it("keys are per installation and namespaced; the App's own client has its own key", () => {
  expect(throttleKey("change-gate", 42)).toBe("change-gate:42");
  expect(throttleKey("other-app", "42")).toBe("other-app:42");
  expect(throttleKey("change-gate", undefined)).toBe("change-gate:app");
});

it("CHANGE_GATE_REDIS_PREFIX is checked; REDIS_URL unset keeps the App a single process", () => {
  const base = { APP_ID: "1", PRIVATE_KEY: "k", WEBHOOK_SECRET: "s" };
  expect(readAppSettings(base)).toMatchObject({ redisUrl: undefined, redisPrefix: "change-gate" });
  expect(
    readAppSettings({ ...base, REDIS_URL: "redis://r:6379", CHANGE_GATE_REDIS_PREFIX: "team-a" }),
  ).toMatchObject({
    redisUrl: "redis://r:6379",
    redisPrefix: "team-a",
  });
  expect(() => readAppSettings({ ...base, CHANGE_GATE_REDIS_PREFIX: "a:b" })).toThrow(
    /CHANGE_GATE_REDIS_PREFIX "a:b" may hold only letters, digits/,
  );
});
