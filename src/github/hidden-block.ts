import type { z } from "zod";
import { inertText } from "../core/render/index.js";

/**
 * change-gate's hidden blocks: JSON in an HTML comment after the text people read, `<!-- change-gate:<kind> {…} -->`.
 * One place writes them and one reads them. A body is written as inert visible text (no user text can open or close
 * a comment or carry the marker) followed by the block, and only the body's **last** block of a kind is read, so
 * text that comes before change-gate's own block cannot stand in for it.
 */

/** `visible` made inert, then the hidden block recording `record`. */
export function withHiddenBlock(visible: string, marker: string, record: unknown): string {
  return `${inertText(visible)}\n\n${hiddenBlock(marker, record)}`;
}

/** `<`, `>` and `&` are written as JSON escapes, so nothing in the record can close the comment early. */
export function hiddenBlock(marker: string, record: unknown): string {
  const json = JSON.stringify(record).replace(
    /[<>&]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  return `<!-- ${marker} ${json} -->`;
}

/**
 * The JSON of the last `marker` block in `body`, checked by `schema`; null when there is none or it is unreadable.
 * HTML comments are scanned as HTML ends them (at the first `-->`), in one linear pass.
 */
export function readHiddenJson<T extends z.ZodType>(
  marker: string,
  schema: T,
  body: string | null | undefined,
): z.output<T> | null {
  const text = body ?? "";
  let last: string | null = null;
  let from = 0;
  for (;;) {
    const open = text.indexOf("<!--", from);
    if (open < 0) break;
    const close = text.indexOf("-->", open + 4);
    if (close < 0) break;
    const inner = text.slice(open + 4, close).trim();
    if (inner.startsWith(marker) && /^\s/.test(inner.slice(marker.length))) last = inner.slice(marker.length);
    from = close + 3;
  }
  if (last === null) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(last));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
