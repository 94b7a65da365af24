import type { CheckReport, GateRule } from "../policy/index.js";

const LEVEL: Record<GateRule["status"], string> = { pass: "ok", fail: "error", skip: "skip", info: "info" };

/** Linter-style human view of a report: one line per rule, positions first, then the verdict. */
export function renderText(report: CheckReport, source: string): string {
  const lines: string[] = [source];
  const d = report.description;
  const positioned = (key: "rollback" | "blastRadius") => {
    const f = d?.[key];
    return f ? `${f.line}:${f.column}` : "-";
  };
  const seen = new Set<string>();
  for (const gate of Object.values(report.gates)) {
    for (const r of gate.rules) {
      const id = `${r.rule}|${r.status}|${r.detail}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const pos =
        r.rule === "Rollback plan"
          ? positioned("rollback")
          : r.rule === "Blast radius"
            ? positioned("blastRadius")
            : "-";
      // A passing row needs no repetition of its own name ("Rollback plan: Rollback plan found (line 5)").
      const detail = r.detail.startsWith(r.rule)
        ? r.detail
            .slice(r.rule.length)
            .replace(/ \(line \d+\)$/, "")
            .trim()
        : r.detail;
      lines.push(`  ${pos.padEnd(8)}${LEVEL[r.status].padEnd(7)}${r.rule}: ${r.fix ?? detail}`);
    }
  }
  for (const w of report.warnings) lines.push(`  -       warn   ${w}`);
  const failed = Object.entries(report.gates)
    .filter(([, g]) => g.conclusion === "failure")
    .map(([name]) => name);
  lines.push("");
  lines.push(
    failed.length
      ? `✖ blocked: the ${failed.join(" and ")} gate${failed.length > 1 ? "s fail" : " fails"} — fix the errors above`
      : `✔ pass — merge: ${report.gates.merge.summary}; deploy: ${report.gates.deploy.summary}`,
  );
  return `${lines.join("\n")}\n`;
}
