import type { IncomingMessage, ServerResponse } from "node:http";
import type { EmitterWebhookEvent } from "@octokit/webhooks";

/**
 * What an unauthenticated peer may cost the server before its signature is checked. GitHub caps payloads at 25 MB and
 * always sends Content-Length; its deliveries arrive in well under a second and it gives up after 10 s.
 */
export interface WebhookLimits {
  /** Largest body read (GitHub's cap). */
  maxBytes: number;
  /** A body not complete this long after its request arrived is refused with 408. */
  bodyTimeoutMs: number;
  /** Requests read or verified at once; one more is refused with 503. */
  maxUnverified: number;
  /** A verified delivery whose handler runs longer than this is acknowledged with 202 while it goes on. */
  ackMs: number;
}

export const DEFAULT_WEBHOOK_LIMITS: WebhookLimits = {
  maxBytes: 25 * 1024 * 1024,
  bodyTimeoutMs: 10_000,
  maxUnverified: 64,
  ackMs: 2_000,
};

/** The part of `@octokit/webhooks`' `Webhooks` the server needs: HMAC check, then dispatch of a verified event. */
export interface WebhookReceiver {
  verify(payload: string, signature: string): Promise<boolean>;
  receive(event: EmitterWebhookEvent): Promise<void>;
}

export interface WebhookServerOptions {
  path: string;
  receiver: WebhookReceiver;
  log: { error(message: string): void };
  limits?: Partial<WebhookLimits>;
}

const JSON_TYPE = /^\s*application\/json\s*(?:;|$)/i;
const REQUIRED_HEADERS = ["x-github-event", "x-hub-signature-256", "x-github-delivery"] as const;

/**
 * The App's whole HTTP surface: `POST <path>` for deliveries, `GET /ping`, 404 for the rest. Every request is guarded
 * before any byte of its body is read, whatever its path or method: only a webhook delivery's body is ever read, and
 * only with a Content-Length up to the cap, within the time limit and the concurrency limit. The signature is checked
 * before anything is acknowledged.
 */
export function createWebhookHandler(
  options: WebhookServerOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  const limits = { ...DEFAULT_WEBHOOK_LIMITS, ...options.limits };
  const webhookPath = trimTrailingSlashes(options.path);
  let unverified = 0;

  return (req, res) => {
    const length = req.headers["content-length"];
    if (length !== undefined && (!/^\d+$/.test(length) || Number(length) > limits.maxBytes))
      return reply(res, 413, `payload larger than ${limits.maxBytes} bytes`);
    const pathname = routePath(req.url);
    if (pathname === null) return reply(res, 400, "request target could not be parsed");
    if (pathname === webhookPath && req.method === "POST") {
      if (unverified >= limits.maxUnverified)
        return reply(res, 503, "too many deliveries being verified; retry later", { "retry-after": "1" });
      unverified++;
      let released = false;
      const release = () => {
        if (!released) unverified--;
        released = true;
      };
      res.once("close", release);
      void receiveDelivery(req, res, options, limits, release).catch((error: unknown) => {
        release();
        options.log.error(
          `webhook request failed: ${error instanceof Error ? error.message : String(error)}`,
        );
        if (!res.headersSent) reply(res, 500, "internal error");
      });
      return;
    }
    if (req.method === "GET" && pathname === "/ping") {
      res.writeHead(200, { "content-type": "text/plain", ...closeIfBody(req) });
      res.end("PONG");
      return;
    }
    reply(res, 404, `unknown route: ${req.method} ${pathname}`);
  };
}

async function receiveDelivery(
  req: IncomingMessage,
  res: ServerResponse,
  options: WebhookServerOptions,
  limits: WebhookLimits,
  release: () => void,
): Promise<void> {
  if (req.headers["content-length"] === undefined)
    return reply(res, 411, "Content-Length is required (GitHub always sends it)");
  if (!JSON_TYPE.test(req.headers["content-type"] ?? ""))
    return reply(res, 415, 'Content-Type must be "application/json"');
  const missing = REQUIRED_HEADERS.filter((h) => typeof req.headers[h] !== "string");
  if (missing.length > 0) return reply(res, 400, `required headers missing: ${missing.join(", ")}`);
  const body = await readBody(req, limits);
  if (!body.ok) return reply(res, body.status, body.message);
  const payload = new TextDecoder("utf-8", { fatal: false }).decode(body.bytes);
  const verified = await options.receiver
    .verify(payload, req.headers["x-hub-signature-256"] as string)
    .catch(() => false);
  release();
  if (!verified) return reply(res, 401, "signature does not match the payload and the webhook secret");
  let parsed: EmitterWebhookEvent["payload"];
  try {
    parsed = JSON.parse(payload);
  } catch {
    return reply(res, 400, "payload is not JSON");
  }
  const event = {
    id: req.headers["x-github-delivery"] as string,
    name: req.headers["x-github-event"] as EmitterWebhookEvent["name"],
    payload: parsed,
  } as EmitterWebhookEvent;
  await acknowledge(res, options, options.receiver.receive(event), limits.ackMs);
}

/** 200 when the handlers finish within `ackMs`, else 202 at `ackMs` while they go on; a handler error before that is its status. */
async function acknowledge(
  res: ServerResponse,
  options: WebhookServerOptions,
  handled: Promise<void>,
  ackMs: number,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const acked = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), ackMs);
  });
  const outcome = await Promise.race([
    handled.then(
      () => ({ ok: true as const }),
      (error: unknown) => ({ ok: false as const, error }),
    ),
    acked,
  ]);
  clearTimeout(timer);
  if (outcome === "late") {
    reply(res, 202, "accepted; still processing");
    handled.catch((error: unknown) => options.log.error(`webhook handler failed: ${describe(error)}`));
    return;
  }
  if (outcome.ok) return reply(res, 200, "ok");
  options.log.error(`webhook handler failed: ${describe(outcome.error)}`);
  reply(res, handlerStatus(outcome.error), describe(outcome.error));
}

type Body = { ok: true; bytes: Buffer } | { ok: false; status: number; message: string };

/** The body, never more than `maxBytes` of it held, refused when it is not complete within `bodyTimeoutMs`. */
export function readBody(
  req: IncomingMessage,
  limits: Pick<WebhookLimits, "maxBytes" | "bodyTimeoutMs">,
): Promise<Body> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (body: Body) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (!body.ok) chunks.length = 0;
      resolve(body);
    };
    const timer = setTimeout(
      () =>
        settle({ ok: false, status: 408, message: `body not received within ${limits.bodyTimeoutMs} ms` }),
      limits.bodyTimeoutMs,
    );
    req.on("data", (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limits.maxBytes)
        return settle({ ok: false, status: 413, message: `payload larger than ${limits.maxBytes} bytes` });
      chunks.push(chunk);
    });
    req.on("end", () => settle({ ok: true, bytes: Buffer.concat(chunks) }));
    req.on("error", () => settle({ ok: false, status: 400, message: "request body could not be read" }));
    req.on("close", () =>
      settle({ ok: false, status: 400, message: "request closed before its body ended" }),
    );
  });
}

/**
 * The path the route is chosen by, normalised as `@octokit/webhooks` does (dot segments, percent-encoded dots,
 * absolute-form targets, trailing slashes), so no spelling of the webhook path reaches it past a different rule.
 */
function routePath(url: string | undefined): string | null {
  try {
    return trimTrailingSlashes(new URL(trimTrailingSlashes(url ?? "/"), "http://localhost").pathname);
  } catch {
    return null;
  }
}

function trimTrailingSlashes(path: string): string {
  const trimmed = path.replace(/\/+$/, "");
  return trimmed === "" ? "/" : trimmed;
}

/** A request that carries a body nobody reads ends its connection, so the body is dropped with it, never buffered. */
function closeIfBody(req: IncomingMessage): Record<string, string> {
  const hasBody =
    req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
  return hasBody ? { connection: "close" } : {};
}

/**
 * Refusals and answers all close the connection: a refused body is never read (Node discards what is still in
 * flight and closes the socket once the answer is written).
 */
function reply(
  res: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) return;
  const ok = status < 300;
  res.writeHead(status, {
    "content-type": ok ? "text/plain" : "application/json",
    ...(ok ? {} : { connection: "close" }),
    ...headers,
  });
  res.end(ok ? `${message}\n` : JSON.stringify({ error: message }));
}

/** `@octokit/webhooks` reports the handlers' errors as an AggregateError: the first one speaks for the delivery. */
function firstError(error: unknown): unknown {
  return error instanceof AggregateError ? (error.errors[0] ?? error) : error;
}

function handlerStatus(error: unknown): number {
  const status = (firstError(error) as { status?: unknown } | null)?.status;
  return typeof status === "number" && status >= 400 && status < 600 ? status : 500;
}

function describe(error: unknown): string {
  const first = firstError(error);
  return first instanceof Error ? first.message : String(first);
}
