// A Probot instance with change-gate loaded, real webhook examples, real signatures, and nock for GitHub.
import { generateKeyPairSync } from "node:crypto";
import { createRequire } from "node:module";
import { sign } from "@octokit/webhooks-methods";
import nock from "nock";
import { Probot, ProbotOctokit } from "probot";
import { type AppRuntime, changeGate } from "../../src/app/app.js";
import type { Clock } from "../../src/app/clock.js";

export const SECRET = "test-secret";
export const API = "https://api.github.com";
const { privateKey } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs8", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});
export const PRIVATE_KEY = privateKey;

type Example = Record<string, unknown> & { action?: string };
const examples = createRequire(import.meta.url)("@octokit/webhooks-examples") as {
  name: string;
  examples: Example[];
}[];

/** A real example payload for `name`/`action`, with an installation (the App always gets one), deep-copied. */
export function example(name: string, action?: string): Record<string, any> {
  const list = examples.find((e) => e.name === name)?.examples ?? [];
  const found =
    list.find((x) => x.action === action && x.installation) ?? list.find((x) => x.action === action);
  if (!found) throw new Error(`no example ${name}.${action}`);
  const copy = structuredClone(found) as Record<string, any>;
  copy.installation ??= { id: 1, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ==" };
  return copy;
}

export function fixedClock(iso: string): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return {
    now: () => now,
    set: (next) => {
      now = new Date(next);
    },
    setTimeout: () => 0,
    clearTimeout: () => {},
    setInterval: () => 0,
    clearInterval: () => {},
  };
}

export interface Harness {
  probot: Probot;
  runtime: AppRuntime;
  send(name: string, payload: unknown, id?: string): Promise<void>;
}

export async function createHarness(clock: Clock = fixedClock("2026-11-24T10:00:00Z")): Promise<Harness> {
  const probot = new Probot({
    appId: 1,
    privateKey: PRIVATE_KEY,
    secret: SECRET,
    logLevel: "fatal",
    Octokit: ProbotOctokit.defaults((o: Record<string, unknown>) => ({
      ...o,
      retry: { enabled: false },
      throttle: { enabled: false },
    })),
  });
  let runtime: AppRuntime | undefined;
  await probot.load(changeGate({ clock, appId: 1, sweepIntervalMs: 0 }, (r) => (runtime = r)));
  let n = 0;
  return {
    probot,
    runtime: runtime!,
    send: async (name, payload, id = `delivery-${++n}`) => {
      const text = JSON.stringify(payload);
      await probot.webhooks.verifyAndReceive({
        id,
        name: name as never,
        payload: text,
        signature: await sign(SECRET, text),
      });
    },
  };
}

export interface Call {
  method: string;
  path: string;
  body: any;
}

/** nock with a log of every request that reached it, in order. */
export function fakeApi() {
  const calls: Call[] = [];
  const scope = nock(API);
  const route = (
    method: "GET" | "POST" | "PATCH" | "DELETE",
    path: string | RegExp,
    reply: number | ((body: any, uri: string) => [number, unknown?]),
    data?: unknown,
    times = 1,
  ) => {
    const interceptor = scope.intercept(path, method).times(times);
    interceptor.reply((uri, body) => {
      calls.push({ method, path: uri, body: typeof body === "string" && body ? JSON.parse(body) : body });
      return typeof reply === "function" ? (reply(body, uri) as [number, any]) : [reply, data as any];
    });
    return api;
  };
  const writes = () => calls.filter((c) => c.method !== "GET" && !c.path.includes("/access_tokens"));
  const api = { calls, route, scope, writes };
  return api;
}

/** The installation token exchange every webhook starts with (Probot caches it per installation). */
export function token(api: ReturnType<typeof fakeApi>, installationId = 1) {
  return api.route("POST", `/app/installations/${installationId}/access_tokens`, 201, {
    token: "ghs_test",
    expires_at: "2099-01-01T00:00:00Z",
    permissions: {},
  });
}
