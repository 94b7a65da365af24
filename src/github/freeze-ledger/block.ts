import { z } from "zod";

/** The label that makes an open issue a freeze ledger entry. One place names it. */
export const LEDGER_LABEL = "change-freeze";

const MARKER = "change-gate:freeze";
const BLOCK = /<!--\s*change-gate:freeze\s+([\s\S]*?)\s*-->/;

const iso = z.string().refine((s) => Number.isFinite(Date.parse(s)), "not an ISO date-time");

export const recordSchema = z.object({
  v: z.literal(1),
  by: z.string().min(1),
  reason: z.string().nullable().default(null),
  environment: z.string().min(1).nullable().default(null),
  from: iso,
  until: iso.nullable(),
  source: z.string().nullable().default(null),
});

/** What a ledger issue's hidden block records about its freeze. */
export type FreezeRecord = z.output<typeof recordSchema>;

/**
 * The record in a ledger issue body, or null when the block is missing or was edited into something unreadable
 * (the caller fails closed on null).
 */
export function readBlock(body: string | null | undefined): FreezeRecord | null {
  return readHiddenJson(BLOCK, recordSchema, body);
}

/** The JSON captured by `block` in `body`, checked by `schema`; null when absent or unreadable. */
export function readHiddenJson<T extends z.ZodType>(
  block: RegExp,
  schema: T,
  body: string | null | undefined,
): z.output<T> | null {
  const m = block.exec(body ?? "");
  if (!m) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(m[1]!));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The hidden block: JSON inside an HTML comment. `<`, `>` and `&` are written as JSON escapes so no reason text can
 * close the comment early.
 */
export function writeBlock(record: FreezeRecord): string {
  return `<!-- ${MARKER} ${escapeForComment(JSON.stringify(record))} -->`;
}

export function escapeForComment(json: string): string {
  return json.replace(/[<>&]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
