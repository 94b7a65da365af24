import { parseBlocks } from "./blocks.js";
import { MAX_BODY_CHARS, prepareText } from "./input.js";
import { comparable } from "./normalize.js";
import { segment } from "./segment.js";
import { sectionTitle } from "./slots.js";

/** What the repository's own PR template(s) already say, so text left in place is recognised as not an answer. */
export interface TemplateText {
  /** Every template line, cell, box and heading, folded for comparison. */
  lines: ReadonlySet<string>;
  /** Template lines that may lead an authored line ("Steps to roll back: helm rollback api 41"), longest first. */
  prefixes: readonly string[];
  /** Code fences of the template, trimmed. */
  code: ReadonlySet<string>;
  /** For each (sub-)section title of the template, folded: the lines the template writes under it, as written. */
  parts: ReadonlyMap<string, readonly string[]>;
}

export const NO_TEMPLATE: TemplateText = {
  lines: new Set(),
  prefixes: [],
  code: new Set(),
  parts: new Map(),
};

/** Build the comparison set from one or more templates (a repo may have several in PULL_REQUEST_TEMPLATE/). */
export function readTemplates(templates: readonly string[]): TemplateText {
  if (templates.length === 0) return NO_TEMPLATE;
  const lines = new Set<string>();
  const code = new Set<string>();
  const parts = new Map<string, string[]>();
  for (const source of templates) {
    let part: string[] = [];
    for (const b of parseBlocks(segment(prepareText(source).text, null, MAX_BODY_CHARS).pieces)) {
      const title = sectionTitle(b);
      if (title !== null) {
        const key = comparable(title);
        part = parts.get(key) ?? [];
        parts.set(key, part);
      }
      const texts =
        b.kind === "row"
          ? b.cells
          : b.kind === "code" || b.kind === "break" || b.kind === "details"
            ? []
            : [b.text];
      if (b.kind === "code") code.add(b.text.trim());
      for (const t of texts) {
        const c = comparable(t);
        if (c) lines.add(c);
        if (c && title === null) part.push(t.trim());
      }
    }
  }
  const prefixes = [...lines].filter((l) => l.length >= 6).sort((a, b) => b.length - a.length);
  return { lines, prefixes, code, parts };
}
