// `node dist/app.js` as a black box for tests: on a free loopback port, against a fake GitHub API, with signed
// deliveries — one place for what the bundle, replica and parity tests all need.
import { type ChildProcess, spawn } from "node:child_process";
import type { Server } from "node:http";
import { type AddressInfo, createServer } from "node:net";
import { sign } from "@octokit/webhooks-methods";
import { startServer } from "../../src/app/main.js";
import { PRIVATE_KEY } from "../app/harness.js";
import type { Route } from "./fake-github.js";

export interface AppBundle {
  child: ChildProcess;
  port: number;
  /** Everything the process printed so far. */
  output(): string;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * What the opened-PR example (Codertocat/Hello-World#2, installation 1) needs from GitHub for its check: a token, the
 * ledger, the head's runs, the run written (`checkRun` replaces that answer) and its risk label.
 */
export function openedPrRoutes(checkRun: Route[] = []): Route[] {
  return [
    {
      method: "POST",
      path: "/app/installations/1/access_tokens",
      status: 201,
      body: { token: "ghs_e2e", expires_at: "2099-01-01T00:00:00Z" },
    },
    { method: "GET", path: "/repos/Codertocat/Hello-World/issues", body: [] },
    { method: "GET", path: /\/check-runs$/, body: { total_count: 0, check_runs: [] } },
    ...checkRun,
    { method: "POST", path: "/repos/Codertocat/Hello-World/check-runs", status: 201, body: { id: 77 } },
    {
      method: "POST",
      path: "/repos/Codertocat/Hello-World/issues/2/labels",
      body: [{ name: "risk: high", color: "d93f0b", description: "d" }],
    },
  ];
}

/** The App's server in this process (`startServer`, as `dist/app.js` runs it) on a free port, sweep off. */
export async function startAppServer(
  apiUrl: string,
  secret: string,
): Promise<{ server: Server; port: number }> {
  const server = await startServer({
    appId: 1,
    privateKey: PRIVATE_KEY,
    webhookSecret: secret,
    port: 0,
    host: "127.0.0.1",
    baseUrl: apiUrl,
    webhookPath: undefined,
    logLevel: "fatal",
    sweepIntervalMs: 0,
  });
  return { server, port: (server.address() as AddressInfo).port };
}

/** Start the bundle and wait until it listens; `cwd` runs a copy of `dist/` elsewhere (as the Docker image does). */
export async function startAppBundle(options: {
  apiUrl: string;
  secret: string;
  env?: Record<string, string>;
  cwd?: string;
}): Promise<AppBundle> {
  const port = await freePort();
  let output = "";
  const child = spawn(process.execPath, ["dist/app.js"], {
    cwd: options.cwd,
    env: {
      PATH: process.env.PATH,
      APP_ID: "1",
      PRIVATE_KEY,
      WEBHOOK_SECRET: options.secret,
      PORT: String(port),
      HOST: "127.0.0.1",
      GITHUB_API_URL: options.apiUrl,
      SWEEP_INTERVAL: "0",
      LOG_LEVEL: "info",
      ...options.env,
    },
  });
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  for (let i = 0; i < 200 && !output.includes("change-gate listening on"); i++)
    await new Promise((r) => setTimeout(r, 50));
  if (!output.includes("change-gate listening on")) throw new Error(`dist/app.js did not start:\n${output}`);
  return { child, port, output: () => output };
}

/** POST a delivery signed with `secret` (or with `signature` as given); returns the response. */
export async function postDelivery(
  port: number,
  secret: string,
  event: string,
  payload: unknown,
  id: string,
  signature?: string,
): Promise<Response> {
  const body = typeof payload === "string" ? payload : JSON.stringify(payload);
  return fetch(`http://127.0.0.1:${port}/api/github/webhooks`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-github-event": event,
      "x-github-delivery": id,
      "x-hub-signature-256": signature ?? (await sign(secret, body)),
    },
    body,
  });
}
