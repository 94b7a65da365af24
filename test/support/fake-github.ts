// A loopback stand-in for api.github.com: child processes (the bundled Action) cannot be intercepted by nock,
// but they can be pointed at this server through GITHUB_API_URL.

import { appendFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { safeJson, validateRequest } from "../contract/openapi.js";

export interface Recorded {
  method: string;
  /** URL pathname, percent-decoded (Octokit sends `contents/.github%2Fchange-gate.yml`), without the query. */
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON when the body is JSON, the raw text otherwise, `undefined` when empty. */
  body: unknown;
}

export interface Route {
  method: string;
  /** Matched against the pathname: a string exactly, a RegExp by `test`. */
  path: string | RegExp;
  status?: number;
  /** JSON to send, or a function of the request that returns it. */
  body?: ((req: Recorded) => unknown) | object | string | number | boolean | null;
  headers?: Record<string, string>;
  /** How many requests this route answers before it stops matching; unlimited when absent. */
  times?: number;
}

export interface FakeGitHub {
  url: string;
  requests: Recorded[];
  /** Requests GitHub's OpenAPI description does not allow (API contract); `close()` fails when there are any. */
  violations: string[];
  close(): Promise<void>;
}

/** `contract: false` only for tests of this server itself, which send made-up requests on purpose. */
export async function startFakeGitHub(
  routes: Route[],
  options: { contract?: boolean; now?: () => Date } = {},
): Promise<FakeGitHub> {
  const requests: Recorded[] = [];
  const violations: string[] = [];
  const used = new Map<Route, number>();

  const server = createServer(async (req, res) => {
    const recorded = await record(req);
    requests.push(recorded);
    if (options.contract !== false)
      violations.push(
        ...validateRequest({
          method: recorded.method,
          url: `https://api.github.com${req.url ?? "/"}`,
          body: recorded.body,
        }),
      );
    const route = routes.find(
      (r) => matches(r, recorded) && (r.times === undefined || (used.get(r) ?? 0) < r.times),
    );
    if (!route) return send(res, 404, { message: "Not Found" });
    used.set(route, (used.get(route) ?? 0) + 1);
    try {
      const body = typeof route.body === "function" ? route.body(recorded) : route.body;
      const date: Record<string, string> = options.now ? { date: options.now().toUTCString() } : {};
      send(res, route.status ?? 200, body, { ...date, ...route.headers });
    } catch (error) {
      send(res, 500, { message: `fake-github route threw: ${String(error)}` });
    }
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    violations,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => {
          if (error) return reject(error);
          if (requests.length)
            appendFileSync(
              join(tmpdir(), "change-gate-contract.log"),
              `${requests.length} ${violations.length}\n`,
            );
          if (violations.length)
            return reject(
              new Error(
                `requests that GitHub's OpenAPI description does not allow:\n${violations.join("\n")}`,
              ),
            );
          resolve();
        });
      }),
  };
}

function matches(route: Route, req: Recorded): boolean {
  if (route.method.toUpperCase() !== req.method) return false;
  return typeof route.path === "string" ? route.path === req.path : route.path.test(req.path);
}

async function record(req: IncomingMessage): Promise<Recorded> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  return {
    method: (req.method ?? "GET").toUpperCase(),
    path: safeDecode(url.pathname),
    query: Object.fromEntries(url.searchParams),
    headers: req.headers,
    body: parseBody(text),
  };
}

function safeDecode(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

function parseBody(text: string): unknown {
  return text === "" ? undefined : safeJson(text);
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  // A route that declares a non-JSON content type (e.g. GitHub's raw file media type) sends its string as it is.
  const raw =
    typeof body === "string" &&
    headers["content-type"] !== undefined &&
    !headers["content-type"].includes("json");
  const payload = status === 204 || status === 304 ? "" : raw ? (body as string) : JSON.stringify(body ?? {});
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(payload),
    ...headers,
  });
  res.end(payload);
}
