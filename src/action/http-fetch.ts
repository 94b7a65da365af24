import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";

/** The part of a fetch Response that @octokit/request reads. */
export interface HttpResponse {
  status: number;
  statusText: string;
  url: string;
  headers: ResponseHeaders;
  text(): Promise<string>;
  json(): Promise<unknown>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface HttpInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array | null;
  signal?: AbortSignal | null;
  redirect?: "follow" | "manual" | "error";
}

/**
 * Response headers as fetch shows them (lower-case names, repeated values joined), without the global `Headers`,
 * whose first use loads undici.
 */
export class ResponseHeaders {
  private readonly entries: Map<string, string>;
  constructor(raw: IncomingMessage["headers"]) {
    this.entries = new Map(
      Object.entries(raw).flatMap(([name, value]) =>
        value === undefined
          ? []
          : [[name.toLowerCase(), Array.isArray(value) ? value.join(", ") : value] as const],
      ),
    );
  }
  get(name: string): string | null {
    return this.entries.get(name.toLowerCase()) ?? null;
  }
  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries[Symbol.iterator]();
  }
}

const MAX_REDIRECTS = 5;
const agents = { "http:": new HttpAgent({ keepAlive: true }), "https:": new HttpsAgent({ keepAlive: true }) };

/**
 * A buffered `fetch` over node:http(s) for the Action's API calls. A job runs for a second, and Node's fetch
 * (undici) costs a third of that: it loads on first use, and its timers hold the process open ~250 ms after the
 * last response. Keep-alive sockets here are reused between calls and never keep the process alive.
 */
export async function httpFetch(url: string, init: HttpInit = {}, redirects = 0): Promise<HttpResponse> {
  const target = new URL(url);
  const method = (init.method ?? "GET").toUpperCase();
  const res = await send(target, method, init);
  const status = res.statusCode ?? 0;
  const location = res.headers.location;
  if (location && [301, 302, 303, 307, 308].includes(status) && init.redirect !== "manual") {
    res.resume();
    if (init.redirect === "error") throw new TypeError(`redirected to ${location}`);
    if (redirects >= MAX_REDIRECTS) throw new TypeError(`more than ${MAX_REDIRECTS} redirects from ${url}`);
    const keep = status === 307 || status === 308 || method === "GET" || method === "HEAD";
    const next = keep ? init : { ...init, method: "GET", body: null };
    return httpFetch(new URL(location, target).toString(), next, redirects + 1);
  }
  const body = await collect(res);
  const headers = new ResponseHeaders(res.headers);
  const text = async () => body.toString("utf8");
  return {
    status,
    statusText: res.statusMessage ?? "",
    url: target.toString(),
    headers,
    text,
    json: async () => JSON.parse(await text()),
    arrayBuffer: async () =>
      body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer,
  };
}

function send(target: URL, method: string, init: HttpInit): Promise<IncomingMessage> {
  const secure = target.protocol === "https:";
  if (!secure && target.protocol !== "http:")
    return Promise.reject(new TypeError(`unsupported URL ${target}`));
  return new Promise((resolve, reject) => {
    const req = (secure ? httpsRequest : httpRequest)(
      target,
      {
        method,
        headers: init.headers,
        agent: agents[secure ? "https:" : "http:"],
        signal: init.signal ?? undefined,
      },
      resolve,
    );
    req.on("error", (error) => reject(new TypeError("fetch failed", { cause: error })));
    req.end(init.body ?? undefined);
  });
}

async function collect(res: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
