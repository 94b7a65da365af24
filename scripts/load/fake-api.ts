// The loopback GitHub API the load test drives the App against: answers what a PR check, a /freeze and its fan-out
// read and write, records when each check run was written, and checks every request against GitHub's OpenAPI
// description.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { validateRequest } from "../../test/contract/openapi.js";

export interface LoadApi {
  url: string;
  /** Check runs written, per head SHA, with the time of the last one (performance.now()). */
  checkRuns: Map<string, { count: number; at: number }>;
  requests: number;
  violations: string[];
  /** Open PRs the pulls listing returns (for a freeze fan-out), per repository full name. */
  openPulls: Map<string, unknown[]>;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let data = "";
    req.on("data", (c) => (data += c));
    req.on("end", () => resolve(data));
  });
}

export async function startLoadApi(): Promise<LoadApi> {
  const api: Omit<LoadApi, "url" | "close"> = {
    checkRuns: new Map(),
    requests: 0,
    violations: [],
    openPulls: new Map(),
  };
  const server: Server = createServer((req, res) => void answer(api, req, res));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return Object.assign(api, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

async function answer(api: Omit<LoadApi, "url" | "close">, req: IncomingMessage, res: ServerResponse) {
  api.requests++;
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const path = url.pathname;
  const text = await readBody(req);
  const body = text ? JSON.parse(text) : undefined;
  api.violations.push(
    ...validateRequest({
      method: req.method ?? "GET",
      url: `https://api.github.com${path}${url.search}`,
      body,
    }),
  );
  const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(value));
  };
  const method = req.method ?? "GET";
  if (method === "POST" && /^\/app\/installations\/\d+\/access_tokens$/.test(path))
    return json(201, {
      token: "ghs_load",
      expires_at: new Date(Date.now() + 3600_000).toISOString(),
      permissions: {},
    });
  if (method === "POST" && /\/check-runs$/.test(path)) {
    const known = api.checkRuns.get(body.head_sha);
    api.checkRuns.set(body.head_sha, { count: (known?.count ?? 0) + 1, at: performance.now() });
    return json(201, { id: api.checkRuns.size, ...body });
  }
  if (method === "GET" && /\/check-runs$/.test(path)) return json(200, { total_count: 0, check_runs: [] });
  if (method === "GET" && /\/pulls\/\d+\/files$/.test(path))
    return json(200, [
      { filename: "src/app.ts", additions: 3, deletions: 1, changes: 4, status: "modified" },
    ]);
  const pulls = /^\/repos\/([^/]+\/[^/]+)\/pulls$/.exec(path);
  if (method === "GET" && pulls) {
    const all = api.openPulls.get(pulls[1]!) ?? [];
    const page = Number(url.searchParams.get("page") ?? 1);
    const perPage = Number(url.searchParams.get("per_page") ?? 30);
    const last = Math.max(1, Math.ceil(all.length / perPage));
    const link: Record<string, string> =
      page < last
        ? {
            link: `<${`http://127.0.0.1${path}?state=open&per_page=${perPage}&page=${page + 1}`}>; rel="next"`,
          }
        : {};
    return json(200, all.slice((page - 1) * perPage, page * perPage), link);
  }
  if (method === "GET" && /\/collaborators\/[^/]+\/permission$/.test(path))
    return json(200, { permission: "admin", role_name: "admin", user: { login: "load" } });
  if (method === "GET" && /\/issues$/.test(path)) return json(200, []);
  if (method === "POST" && /\/issues$/.test(path))
    return json(201, {
      number: 900,
      html_url: "https://github.com/x/y/issues/900",
      title: body.title,
      body: body.body,
      labels: [],
      state: "open",
      user: { login: "change-gate[bot]", type: "Bot" },
      created_at: new Date().toISOString(),
    });
  if (/\/issues\/\d+\/labels/.test(path))
    return json(200, body?.labels?.map((name: string) => ({ name })) ?? []);
  if (method === "GET" && /\/labels\//.test(path)) return json(200, { name: "risk: low", color: "0e8a16" });
  if (method === "GET") return json(404, { message: "Not Found" });
  return json(method === "POST" ? 201 : 200, method === "DELETE" ? [] : {});
}
