import type { ChangeReport, WeekRow } from "./change-report.js";
import { headline, minutes, pct } from "./render-report.js";

const ESC: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text for HTML content and attributes: user text never becomes markup. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESC[c]!);
}

const W = 640;
const H = 220;
const PAD = { l: 36, r: 8, t: 12, b: 36 };

/** Grouped bars per week: one bar per series, a y axis scaled to the largest value. */
function barChart(
  title: string,
  weeks: WeekRow[],
  series: { name: string; color: string; value: (w: WeekRow) => number }[],
): string {
  const max = Math.max(1, ...weeks.flatMap((w) => series.map((s) => s.value(w))));
  const plotW = W - PAD.l - PAD.r;
  const plotH = H - PAD.t - PAD.b;
  const group = plotW / Math.max(1, weeks.length);
  const bar = Math.max(2, (group * 0.8) / series.length);
  const parts: string[] = [];
  // Distinct whole ticks: with a maximum of 1 the middle one would repeat the top.
  for (const tick of new Set([0, Math.ceil(max / 2), max])) {
    const y = PAD.t + plotH - (tick / max) * plotH;
    parts.push(
      `<line x1="${PAD.l}" x2="${W - PAD.r}" y1="${y}" y2="${y}" stroke="#ddd"/>`,
      `<text x="${PAD.l - 4}" y="${y + 4}" text-anchor="end" font-size="11">${tick}</text>`,
    );
  }
  weeks.forEach((w, i) => {
    const x0 = PAD.l + i * group + group * 0.1;
    series.forEach((s, j) => {
      const v = s.value(w);
      const h = (v / max) * plotH;
      parts.push(
        `<rect x="${(x0 + j * bar).toFixed(1)}" y="${(PAD.t + plotH - h).toFixed(1)}" width="${(bar - 1).toFixed(1)}" height="${h.toFixed(1)}" fill="${s.color}"><title>${esc(`${s.name}, week of ${w.week}: ${v}`)}</title></rect>`,
      );
    });
    parts.push(
      `<text x="${(x0 + (bar * series.length) / 2).toFixed(1)}" y="${H - PAD.b + 14}" text-anchor="middle" font-size="11">${esc(w.week.slice(5))}</text>`,
    );
  });
  const legend = series
    .map(
      (s, j) =>
        `<rect x="${PAD.l + j * 170}" y="${H - 14}" width="10" height="10" fill="${s.color}"/><text x="${PAD.l + j * 170 + 14}" y="${H - 5}" font-size="11">${esc(s.name)}</text>`,
    )
    .join("");
  return `<figure><figcaption>${esc(title)}</figcaption><svg role="img" aria-label="${esc(title)}" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" xmlns="http://www.w3.org/2000/svg">${parts.join("")}${legend}</svg></figure>`;
}

function table(head: string[], rows: string[][]): string {
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join("")}</tr>`)
    .join("")}</tbody></table>`;
}

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:720px;color:#1f2328}
h1{font-size:22px}h2{font-size:17px;margin-top:28px}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #d0d7de;padding:4px 6px;text-align:left}figure{margin:12px 0}
figcaption{font-weight:600;margin-bottom:4px}.muted{color:#59636e}td:first-child{white-space:nowrap}`;

/**
 * `change-gate report --format html`: one self-contained page — inline CSS and SVG, no script, no external
 * resource (the Content-Security-Policy forbids loading any), readable from a file without a server.
 */
export function renderReportHtml(r: ChangeReport): string {
  const title = `Change report: ${r.repository}${r.environment ? ` → ${r.environment}` : ""}`;
  const charts = [
    barChart("Merged PRs and deployments per week", r.weeks, [
      { name: "merged PRs", color: "#0969da", value: (w) => w.mergedPulls },
      { name: "deployments", color: "#8250df", value: (w) => w.deployments },
    ]),
    barChart("Merged PRs with a rollback plan and a blast radius", r.weeks, [
      { name: "merged PRs", color: "#afb8c1", value: (w) => w.mergedPulls },
      { name: "with rollback plan", color: "#1a7f37", value: (w) => w.withRollback },
      { name: "with blast radius", color: "#4ac26b", value: (w) => w.withBlastRadius },
    ]),
    barChart("Risk and deploys outside the schedule", r.weeks, [
      { name: "high-risk PRs", color: "#cf222e", value: (w) => w.risk.high },
      { name: "outside schedule", color: "#bf8700", value: (w) => w.outsideSchedule },
      { name: "freeze days", color: "#57606a", value: (w) => w.freezeDays },
    ]),
  ];
  const body = [
    `<h1>${esc(title)}</h1>`,
    `<p class="muted">${esc(`${r.since.slice(0, 10)} to ${r.until.slice(0, 10)} · weeks start Monday (${r.timezone})`)}</p>`,
    table(["", ""], headline(r)),
    ...charts,
    "<h2>Per week</h2>",
    table(
      ["Week", "Merged", "Deploys", "Rollback plan", "Blast radius", "Risk L/M/H", "Outside", "Freeze days"],
      r.weeks.map((w) => [
        w.week,
        String(w.mergedPulls),
        String(w.deployments),
        `${w.withRollback} (${pct(w.mergedPulls ? w.withRollback / w.mergedPulls : null)})`,
        `${w.withBlastRadius} (${pct(w.mergedPulls ? w.withBlastRadius / w.mergedPulls : null)})`,
        `${w.risk.low}/${w.risk.medium}/${w.risk.high}`,
        String(w.outsideSchedule),
        String(w.freezeDays),
      ]),
    ),
  ];
  if (r.outsideSchedule.length)
    body.push(
      "<h2>Deploys outside windows or during freezes</h2>",
      table(
        ["When (UTC)", "Env", "Commit", "Why closed", "Override"],
        r.outsideSchedule.map((d) => [
          d.createdAt.slice(0, 16).replace("T", " "),
          d.environment,
          d.sha.slice(0, 7),
          `${d.reason}${d.rule ? `: ${d.rule}` : ""}`,
          d.override
            ? `${d.override.by.map((b) => `@${b}`).join(", ")}: ${d.override.reason}`
            : "none recorded",
        ]),
      ),
    );
  if (r.overrides.length)
    body.push(
      "<h2>Overrides</h2>",
      table(
        ["When (UTC)", "PR", "By", "Why"],
        r.overrides.map((o) => [o.at.slice(0, 16).replace("T", " "), `#${o.pr}`, `@${o.by}`, o.reason]),
      ),
    );
  body.push(
    "<h2>Merged PRs</h2>",
    table(
      ["PR", "Title", "Rollback plan", "Blast radius", "Risk", "Waited for window"],
      r.pulls.map((p) => [
        `#${p.number}`,
        p.title,
        p.rollback,
        p.blastRadius,
        p.risk,
        minutes(p.waitedMinutes),
      ]),
    ),
  );
  for (const w of r.warnings) body.push(`<p class="muted">${esc(w)}</p>`);
  body.push(`<p class="muted">${esc(`${r.requests.total} requests to GitHub`)}</p>`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title><style>${STYLE}</style></head>
<body>${body.join("\n")}</body></html>
`;
}
