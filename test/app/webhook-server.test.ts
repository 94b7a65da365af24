// The App's HTTP front door as `startServer` (src/app/main.ts) runs it: what an unauthenticated peer can make it read,
// hold and acknowledge. Requests are written by hand on sockets; GitHub's API is a fake that must see nothing.
import type { IncomingMessage, Server } from "node:http";
import { PassThrough } from "node:stream";
import { setTimeout as pause } from "node:timers/promises";
import { sign } from "@octokit/webhooks-methods";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { readBody } from "../../src/app/webhook-server.js";
import { startAppServer } from "../support/app-bundle.js";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github.js";
import { head, type OpenRequest, openRequest } from "../support/raw-http.js";
import { example } from "./harness.js";

const SECRET = "server-secret";
const MB = 1024 * 1024;
let fake: FakeGitHub;
let server: Server;
let port: number;
const open: OpenRequest[] = [];

beforeAll(async () => {
  fake = await startFakeGitHub([]);
  ({ server, port } = await startAppServer(fake.url, SECRET));
});

afterEach(() => {
  vi.useRealTimers();
  for (const r of open.splice(0)) r.close();
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await fake.close();
  expect(fake.requests).toEqual([]);
});

async function send(lines: string[], body: string | Buffer = ""): Promise<OpenRequest> {
  const request = await openRequest(port, lines, body);
  open.push(request);
  return request;
}

const deliveryHeaders = (extra: Record<string, string | number>) => ({
  "Content-Type": "application/json",
  "X-GitHub-Event": "pull_request",
  "X-GitHub-Delivery": "d-1",
  "X-Hub-Signature-256": "sha256=0000000000000000000000000000000000000000000000000000000000000000",
  ...extra,
});

const CHUNKED = { "Transfer-Encoding": "chunked" };
/** One 64 KB chunk of a chunked body that never ends. */
const FIRST_CHUNK = `10000\r\n${"x".repeat(0x10000)}\r\n`;

describe("every request is guarded before its body is read (issue 14.4)", () => {
  it("a delivery declaring more than 25 MB is refused with 413 before any of it is sent", async () => {
    const r = await send(
      head("POST", "/api/github/webhooks", deliveryHeaders({ "Content-Length": 25 * MB + 1 })),
    );
    expect((await r.answer()).status).toBe(413);
  });

  it("a delivery of exactly 25 MB is not refused for its size", async () => {
    const r = await send(
      head("POST", "/api/github/webhooks", deliveryHeaders({ "Content-Length": 25 * MB })),
    );
    expect((await r.answer(300)).status).toBeNull();
  });

  it("a delivery without Content-Length is refused with 411 while its chunked body is still open", async () => {
    const r = await send(head("POST", "/api/github/webhooks", deliveryHeaders(CHUNKED)), FIRST_CHUNK);
    expect((await r.answer()).status).toBe(411);
  });

  it.each([
    ["a dot segment", "/./api/github/webhooks"],
    ["a percent-encoded dot segment", "/%2e/api/github/webhooks"],
    ["a parent segment", "/x/../api/github/webhooks"],
    ["trailing slashes", "/api/github/webhooks//"],
    ["an absolute-form target", "http://127.0.0.1/api/github/webhooks"],
    ["an absolute-form target on another host", "http://evil.example/api/github/webhooks?x=1"],
  ])(
    "the webhook path spelt with %s is guarded like the plain one (411 on an endless chunked body)",
    async (_, target) => {
      const r = await send(head("POST", target, deliveryHeaders(CHUNKED)), FIRST_CHUNK);
      expect((await r.answer()).status).toBe(411);
    },
  );

  it.each([
    ["POST", "/elsewhere"],
    ["PUT", "/api/github/webhooks"],
    ["GET", "/ping"],
  ])("%s %s with more than 25 MB declared is refused with 413", async (method, target) => {
    const r = await send(head(method, target, { "Content-Length": 25 * MB + 1 }));
    expect((await r.answer()).status).toBe(413);
  });

  it.each([
    ["POST", "/elsewhere", 404],
    ["PUT", "/api/github/webhooks", 404],
    ["GET", "/ping", 200],
  ])(
    "%s %s with an endless chunked body is answered (%d) without reading it, and the connection closed",
    async (method, target, status) => {
      const r = await send(head(method, target, CHUNKED), FIRST_CHUNK);
      const answer = await r.answer();
      expect(answer.status).toBe(status);
      expect(answer.text).toMatch(/\r\nconnection: close\r\n/i);
    },
  );
});

describe("nothing is acknowledged before the signature is checked (issue 14.12)", () => {
  it("a slow unsigned body gets no answer at the 2 s acknowledgement time, and 408 at 10 s", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const r = await send(
      head("POST", "/api/github/webhooks", deliveryHeaders({ "Content-Length": 1000 })),
      "{".padEnd(100, " "),
    );
    // The server has the request once it set its (fake) timer; a busy machine may take a moment.
    for (let i = 0; i < 200 && vi.getTimerCount() === 0; i++) await pause(10);
    await vi.advanceTimersByTimeAsync(2_500);
    expect((await r.answer(100)).status).toBeNull();
    await vi.advanceTimersByTimeAsync(7_400);
    expect((await r.answer(100)).status).toBeNull();
    await vi.advanceTimersByTimeAsync(200);
    expect((await r.answer()).status).toBe(408);
  });

  it("a complete delivery with a wrong signature is refused with 401 and reaches no handler", async () => {
    const body = JSON.stringify(example("pull_request", "opened"));
    const r = await send(
      head("POST", "/api/github/webhooks", {
        ...deliveryHeaders({ "Content-Length": Buffer.byteLength(body) }),
        "X-Hub-Signature-256": await sign("not-the-secret", body),
      }),
      body,
    );
    expect((await r.answer()).status).toBe(401);
  });

  it("a signed delivery is answered 200 once its handlers ran", async () => {
    const body = JSON.stringify({ zen: "Keep it logically awesome.", hook_id: 1 });
    const r = await send(
      head("POST", "/api/github/webhooks", {
        ...deliveryHeaders({ "Content-Length": Buffer.byteLength(body), "X-GitHub-Event": "ping" }),
        "X-Hub-Signature-256": await sign(SECRET, body),
      }),
      body,
    );
    expect((await r.answer()).status).toBe(200);
  });

  it("of 65 deliveries being read at once, one is refused with 503; a freed slot is usable again", async () => {
    const slow = head("POST", "/api/github/webhooks", deliveryHeaders({ "Content-Length": 1000 }));
    const held: OpenRequest[] = [];
    for (let i = 0; i < 65; i++) held.push(await send(slow, "{"));
    const answers = await Promise.all(held.map((r) => r.answer(300)));
    expect(answers.map((a) => a.status).sort()).toEqual([503, ...Array(64).fill(null)]);
    expect(answers.find((a) => a.status === 503)?.text).toMatch(/\r\nretry-after: 1\r\n/i);
    held.find((_, i) => answers[i]?.status === null)?.close();
    let next: number | null = 503;
    for (let i = 0; i < 20 && next === 503; i++) {
      const r = await send(
        head("POST", "/api/github/webhooks", deliveryHeaders({ "Content-Length": 2 })),
        "{}",
      );
      next = (await r.answer()).status;
    }
    expect(next).toBe(401);
  });
});

describe("readBody counts bytes as they stream", () => {
  it("refuses with 413 the moment a body passes the cap, holding no more of it", async () => {
    const stream = new PassThrough();
    const read = readBody(stream as unknown as IncomingMessage, { maxBytes: 10, bodyTimeoutMs: 1_000 });
    stream.write("123456");
    stream.write("789012");
    expect(await read).toEqual({ ok: false, status: 413, message: "payload larger than 10 bytes" });
    stream.destroy();
  });

  it("returns a body at the cap whole", async () => {
    const stream = new PassThrough();
    const read = readBody(stream as unknown as IncomingMessage, { maxBytes: 10, bodyTimeoutMs: 1_000 });
    stream.end("1234567890");
    expect(await read).toEqual({ ok: true, bytes: Buffer.from("1234567890") });
  });
});
