/**
 * `npm run screenshots`: the README's pictures, made from real output. Runs the bundled Action (dist/action.js, so
 * `npm run build` first) against the loopback fake GitHub API the tests use — a PR check on the example "lazy" PR body
 * with the example policy, and a deploy job that waits for its window on the virtual test clock — renders the check
 * run's Markdown summary and the job's log + summary to HTML, and screenshots them with headless Chromium
 * (Debian: `apt-get install -y chromium`). Writes docs/images/check-run.png and docs/images/deploy-waiting.png.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { examplePayload, runAction } from "../test/action/harness.js";
import { prRoutes, REPO } from "../test/action/routes.js";

const CHROMIUM = process.env.CHROMIUM ?? "chromium";
const POLICY = readFileSync("examples/change-gate.yml", "utf8");
const RAW = { "content-type": "application/vnd.github.raw; charset=utf-8" };

async function markdown(md: string): Promise<string> {
  const file = await unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeStringify, { allowDangerousHtml: true })
    .process(md);
  return String(file);
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const CSS = `
  body { margin: 0; padding: 24px; background: #fff; color: #1f2328;
         font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", "DejaVu Sans", Helvetica, Arial, sans-serif; }
  .box { border: 1px solid #d1d9e0; border-radius: 6px; overflow: hidden; }
  .head { display: flex; align-items: center; gap: 10px; padding: 12px 16px; background: #f6f8fa;
          border-bottom: 1px solid #d1d9e0; }
  .head .icon { width: 20px; height: 20px; border-radius: 50%; color: #fff; display: inline-flex;
                align-items: center; justify-content: center; font-weight: 700; font-size: 13px; }
  .fail { background: #d1242f; } .pass { background: #1a7f37; } .wait { background: #9a6700; }
  .head b { font-size: 16px; white-space: nowrap; } .head span.sub { color: #59636e; }
  .body { padding: 8px 16px 16px; }
  h1 { font-size: 20px; margin: 12px 0 8px; } h2 { font-size: 17px; margin: 16px 0 8px; }
  table { border-collapse: collapse; margin: 8px 0; } th, td { border: 1px solid #d1d9e0; padding: 6px 12px; text-align: left; }
  td:first-child { white-space: nowrap; } th { background: #f6f8fa; } code { background: #eff1f3; padding: 1px 4px; border-radius: 4px; font-size: 90%; }
  blockquote { margin: 8px 0; padding: 0 12px; color: #59636e; border-left: 4px solid #d1d9e0; }
  sub { color: #59636e; }
  pre.log { margin: 0; padding: 12px 16px; background: #0d1117; color: #e6edf3; font: 13px/1.6 "DejaVu Sans Mono", monospace;
            white-space: pre-wrap; }
  pre.log .dim { color: #7d8590; }
`;

function page(title: string, inner: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${CSS}</style></head><body>${inner}</body></html>`;
}

function screenshot(html: string, out: string, height: number): void {
  const dir = mkdtempSync(join(tmpdir(), "change-gate-shot-"));
  const file = join(dir, "page.html");
  writeFileSync(file, html);
  execFileSync(
    CHROMIUM,
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--hide-scrollbars",
      "--force-device-scale-factor=1",
      `--window-size=900,${height}`,
      `--screenshot=${resolve(out)}`,
      `file://${file}`,
    ],
    { stdio: "ignore" },
  );
  console.log(`wrote ${out}`);
}

/** The check run a lazy PR body gets: rollback "TBD", blast radius "N/A", a migration in the diff. */
async function checkRun(): Promise<void> {
  const payload = examplePayload("pull_request", (p) => p.action === "opened");
  payload.pull_request.body = readFileSync("examples/bodies/lazy.md", "utf8");
  const sha = payload.pull_request.head.sha;
  const run = await runAction({
    event: "pull_request",
    payload,
    routes: [
      { method: "GET", path: `${REPO}/contents/.github/change-gate.yml`, body: POLICY, headers: RAW },
      {
        method: "GET",
        path: `${REPO}/pulls/2/files`,
        body: [
          { filename: "migrations/0042_orm_upgrade.sql", status: "added", additions: 120, deletions: 0 },
          { filename: "package.json", status: "modified", additions: 1, deletions: 1 },
        ],
      },
      ...prRoutes({ pr: 2, sha }),
    ],
    now: "2026-11-24T10:00:00Z",
  });
  const create = run.requests.find((r) => r.method === "POST" && r.path === `${REPO}/check-runs`);
  const body = create?.body as { conclusion: string; output: { title: string; summary: string } } | undefined;
  if (!body) throw new Error(`the Action wrote no check run:\n${run.stdout}\n${run.stderr}`);
  const labels = run.requests.find((r) => r.method === "POST" && r.path.endsWith("/labels"))?.body as
    | { labels: string[] }
    | undefined;
  const icon = body.conclusion === "success" ? ["pass", "✓"] : ["fail", "✕"];
  const html = page(
    "change-gate check run",
    `<div class="box"><div class="head"><span class="icon ${icon[0]}">${icon[1]}</span><b>change-gate</b>
     <span class="sub">${escapeHtml(body.output.title)}</span></div>
     <div class="body">${await markdown(body.output.summary)}
     ${labels ? `<p><sub>Labels set on the PR: ${labels.labels.map((l) => `<code>${escapeHtml(l)}</code>`).join(" ")}</sub></p>` : ""}
     </div></div>`,
  );
  screenshot(html, "docs/images/check-run.png", 620);
}

/** A deploy job with `wait: true` outside the window: it holds, saying when the window opens, then passes. */
async function deployWaiting(): Promise<void> {
  const run = await runAction({
    event: "push",
    payload: examplePayload("push"),
    config: POLICY,
    inputs: { wait: "true", maxWait: "1h" },
    routes: [{ method: "GET", path: `${REPO}/issues`, body: [] }],
    // Tue 24 Nov 08:54 in Berlin: the Mon-Thu 09:00-16:00 window opens in 6 minutes.
    now: "2026-11-24T07:54:00Z",
  });
  const log = run.stdout
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) =>
      l.startsWith("waiting for window") ? escapeHtml(l) : `<span class="dim">${escapeHtml(l)}</span>`,
    )
    .join("\n");
  const html = page(
    "change-gate deploy gate",
    `<div class="box"><div class="head"><span class="icon wait">⏱</span><b>deploy</b>
     <span class="sub">uses: change-gate/change-gate@v1 · with: wait: true</span></div>
     <pre class="log">${log}</pre>
     <div class="body">${await markdown(run.summary)}</div></div>`,
  );
  screenshot(html, "docs/images/deploy-waiting.png", 615);
}

await checkRun();
await deployWaiting();
