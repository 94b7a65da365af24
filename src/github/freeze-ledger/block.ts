import { z } from "zod";
import { hiddenBlock, readHiddenJson } from "../hidden-block.js";

/** The label that makes an open issue a freeze ledger entry. One place names it. */
export const LEDGER_LABEL = "change-freeze";

export const MARKER = "change-gate:freeze";

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
  return readHiddenJson(MARKER, recordSchema, body);
}

/** The ledger issue's hidden block (see `hidden-block.ts`). */
export function writeBlock(record: FreezeRecord): string {
  return hiddenBlock(MARKER, record);
}
