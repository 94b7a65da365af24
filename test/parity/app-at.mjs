// Serves the App bundle's code (dist/probot-app.js: the `changeGate` app function that dist/app.js serves) on a
// loopback port, on a clock stopped at one instant: `node app-at.mjs <dist/probot-app.js> <ISO instant> <port>`.
// Deliveries are verified (x-hub-signature-256) by Probot before any handler runs; the response is sent when every
// handler has finished, so a test knows the App's writes are done. GitHub is GITHUB_API_URL. Test-only: dist/app.js
// runs on the system clock and has no way to take another.
import { createServer } from "node:http";
import { pathToFileURL } from "node:url";
import { Probot, ProbotOctokit } from "probot";

const [bundle, start, port] = process.argv.slice(2);
const now = Date.parse(start ?? "");
if (!bundle || Number.isNaN(now) || !port) throw new Error("usage: app-at.mjs <bundle> <ISO instant> <port>");
const clock = {
  now: () => new Date(now),
  // Time stands still: nothing a handler schedules (a held deployment's approval) ever fires.
  setTimeout: () => 0,
  clearTimeout: () => {},
  setInterval: () => 0,
  clearInterval: () => {},
};
const { changeGate } = await import(pathToFileURL(bundle).href);
const probot = new Probot({
  appId: 1,
  privateKey: process.env.PRIVATE_KEY,
  secret: process.env.WEBHOOK_SECRET,
  baseUrl: process.env.GITHUB_API_URL,
  logLevel: "warn",
  Octokit: ProbotOctokit.defaults((o) => ({ ...o, retry: { enabled: false }, throttle: { enabled: false } })),
});
await probot.load(changeGate({ clock, appId: 1, sweepIntervalMs: 0 }));
const server = createServer(async (req, res) => {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  try {
    await probot.webhooks.verifyAndReceive({
      id: String(req.headers["x-github-delivery"]),
      name: String(req.headers["x-github-event"]),
      payload: Buffer.concat(chunks).toString("utf8"),
      signature: String(req.headers["x-hub-signature-256"]),
    });
    res.writeHead(200).end("ok");
  } catch (error) {
    res.writeHead(500).end(String(error?.message ?? error));
  }
});
server.listen(Number(port), "127.0.0.1", () => console.log(`parity app listening on ${port}`));
process.once("SIGTERM", () => server.close(() => process.exit(0)));
