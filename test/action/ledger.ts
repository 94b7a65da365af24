// Freeze ledger issues as change-gate writes them: an open `change-freeze` issue with the hidden record block.
import { writeBlock } from "../../src/github/freeze-ledger/block.js";

export function ledgerIssue(
  number: number,
  o: { from: string; until: string | null; reason?: string; by?: string },
) {
  const record = {
    v: 1 as const,
    by: o.by ?? "octocat",
    reason: o.reason ?? null,
    environment: null,
    from: o.from,
    until: o.until,
    source: null,
  };
  return {
    number,
    title: `Freeze: ${o.reason ?? "freeze"}`,
    state: "open",
    html_url: `https://github.com/Codertocat/Hello-World/issues/${number}`,
    created_at: o.from,
    labels: [{ name: "change-freeze" }],
    body: `Frozen by @${record.by}.\n\n${writeBlock(record)}`,
  };
}
