import { formatWhen } from "../../core/schedule/index.js";
import { withHiddenBlock } from "../hidden-block.js";
import { type FreezeRecord, LEDGER_LABEL, MARKER } from "./block.js";

export function scopeName(environment: string | null): string {
  return environment ?? "all environments";
}

export function ledgerTitle(record: FreezeRecord): string {
  return `Change freeze: ${scopeName(record.environment)}`;
}

/** "until Mon 1 Dec 09:00 CET" or "until lifted with `/unfreeze`". */
export function untilText(until: string | null, zone: string): string {
  return until === null ? "until lifted with `/unfreeze`" : `until ${formatWhen(until, zone)}`;
}

/** The ledger issue body: what people read (reason and environment made inert), then the hidden block change-gate reads. */
export function ledgerBody(record: FreezeRecord, zone: string): string {
  const lines = [
    `**${scopeName(record.environment)}** is frozen ${untilText(record.until, zone)}, declared by @${record.by}.`,
    "",
    `- **Reason:** ${record.reason ?? "(none given)"}`,
    `- **Environment:** ${record.environment === null ? "all" : `\`${record.environment}\``}`,
    `- **From:** ${formatWhen(record.from, zone)}`,
    `- **Until:** ${record.until === null ? "lifted with `/unfreeze`" : formatWhen(record.until, zone)}`,
  ];
  if (record.source) lines.push(`- **Declared in:** ${record.source}`);
  lines.push(
    "",
    `While this issue is open and labelled \`${LEDGER_LABEL}\`, change-gate treats it as an active freeze. ` +
      "Comment `/unfreeze` (or close this issue) to lift it. Do not edit the hidden block below by hand: " +
      "if it becomes unreadable the freeze stays on with no known end.",
  );
  return withHiddenBlock(lines.join("\n"), MARKER, record);
}
