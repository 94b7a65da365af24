import { type AliasTable, type SectionKey, sectionsNamed } from "./aliases.js";
import type { Block } from "./blocks.js";
import { hasCjk, words } from "./normalize.js";

export type SlotKind = "heading" | "bold" | "summary" | "label" | "task" | "table";

/** A place in the description that names a section: its label, where it is, and what belongs to it. */
export interface Slot {
  kind: SlotKind;
  sections: SectionKey[];
  label: string;
  line: number;
  column: number;
  /** Text written on the same line after the label (`Rollback: revert v1.4.2`), if any. */
  inline: string | null;
  /** For task items: whether the box is ticked. */
  checked?: boolean;
  /** Index of the slot's own block, and the end (exclusive) of the blocks that belong to it. */
  start: number;
  end: number;
}

const BOLD_ONLY_RE = /^\s*(?:[-*+]\s+|\d+[.)]\s+|>\s*)*(\*\*|__)([^*_]{1,120}?)[:：]?\1\s*[:：]?\s*$/;
const BOLD_LABEL_RE = /^\s*(\*\*|__)([^*_]{1,60}?)[:：]\1\s*\S|^\s*(\*\*|__)([^*_]{1,60}?)\3\s*[:：]\s*\S/;
const LABEL_RE = /^\s*([^:：]{1,60}?)\s*(?::(?:\s+|$)|：)([\s\S]*)$/;
/** A short list item that only names a section ("- Risk and rollback") is a prompt slot. */
const MAX_PROMPT_WORDS = 5;
/** A label is a short name, not a sentence that happens to contain a colon. */
const MAX_LABEL_WORDS = 6;

/** A label line (`Rollback: revert v1.4.2`): its short name and what follows it. */
export function labelOf(text: string): { name: string; rest: string } | null {
  const m = LABEL_RE.exec(text);
  if (!m) return null;
  const name = m[1]!;
  if (/https?$/i.test(name) || words(name).length > MAX_LABEL_WORDS) return null;
  return { name, rest: m[2]!.trim() };
}

/**
 * The title of a block that opens a (sub-)section: a heading, a `<summary>`, a bold-only line or a label with nothing
 * after it. Null for any other block.
 */
export function sectionTitle(b: Block): string | null {
  if (b.kind === "heading" || b.kind === "summary") return b.text;
  if (b.kind !== "line") return null;
  const bold = BOLD_ONLY_RE.exec(b.raw);
  if (bold) return bold[2]!;
  const l = labelOf(b.text);
  return l !== null && l.rest === "" ? l.name : null;
}

/** A block that starts a new pseudo-section and so ends a bold/summary/label one. */
function isPseudoBoundary(b: Block): boolean {
  if (b.kind === "break" || b.kind === "details" || sectionTitle(b) !== null) return true;
  if (b.kind !== "line") return false;
  // "**Testing:** ran the unit tests" opens another field of a form; "**Step 2:** redeploy" is a step.
  const field = BOLD_LABEL_RE.exec(b.raw);
  return field !== null && !/\d/.test(field[2] ?? field[4] ?? "");
}

function endOfHeading(blocks: Block[], i: number, depth: number): number {
  let j = i + 1;
  while (j < blocks.length) {
    const b = blocks[j]!;
    if (b.kind === "heading" && b.depth <= depth) break;
    j++;
  }
  return j;
}

function endOfPseudo(blocks: Block[], i: number): number {
  let j = i + 1;
  while (j < blocks.length && !isPseudoBoundary(blocks[j]!)) j++;
  return j;
}

/** Depth of the heading whose section holds block i (0 before the first heading). */
function enclosingDepth(blocks: Block[], i: number): number {
  for (let j = i - 1; j >= 0; j--) {
    const b = blocks[j]!;
    if (b.kind === "heading") return b.depth;
  }
  return 0;
}

/**
 * A `<summary>` owns its `<details>` block up to the matching `</details>`, sub-headings included; it never runs past
 * a heading that ends the section the block sits in. Without a closing tag it ends like any pseudo-section.
 */
function endOfSummary(blocks: Block[], i: number): number {
  const outer = enclosingDepth(blocks, i);
  let open = 0;
  for (let j = i + 1; j < blocks.length; j++) {
    const b = blocks[j]!;
    if (b.kind === "heading" && (outer === 0 || b.depth <= outer)) break;
    if (b.kind !== "details") continue;
    if (b.open) open++;
    else if (open-- === 0) return j;
  }
  return endOfPseudo(blocks, i);
}

/** A label such as "Testing: ran the unit tests" names another field of a form, not a step ("Step 2: redeploy"). */
function isFieldLabel(b: Block): boolean {
  if (b.kind !== "line" && b.kind !== "task") return false;
  const l = labelOf(b.text);
  return l !== null && l.rest !== "" && !/\d/.test(l.name);
}

/**
 * A label in a list item ("- Rollback:") owns the item's own nested blocks. When the item has none, its answer is in
 * the sibling items that follow, up to the next sibling that is another field ("- Testing: …") or a pseudo-boundary.
 */
function endOfListLabel(blocks: Block[], i: number, empty: boolean): number {
  const own = blocks[i]!;
  let j = i + 1;
  while (j < blocks.length && (blocks[j]!.item === own.item || blocks[j]!.list > own.list)) j++;
  if (j > i + 1 || !empty) return j;
  while (j < blocks.length) {
    const b = blocks[j]!;
    if (isPseudoBoundary(b) || (b.list <= own.list && isFieldLabel(b))) break;
    j++;
  }
  return j;
}

/** Lines of the same paragraph that continue an inline label (`Rollback: revert\nthen redeploy v1.4.2`). */
function endOfInline(blocks: Block[], i: number, table: AliasTable): number {
  const first = blocks[i]!;
  let j = i + 1;
  while (j < blocks.length) {
    const b = blocks[j]!;
    if (b.kind !== "line" || first.kind !== "line" || b.line !== blocks[j - 1]!.line + 1 || b.column !== 1)
      break;
    if (isPseudoBoundary(b)) break;
    const l = labelOf(b.text);
    if (l && sectionsNamed(l.name, table).length > 0) break;
    j++;
  }
  return j;
}

function startsWithAlias(text: string, table: AliasTable): SectionKey[] {
  // A task item names a section only when the name leads ("Rollback plan documented"), not in passing
  // ("I considered the impact").
  const ws = words(text);
  const lead = hasCjk(ws[0] ?? "") ? (ws[0] ?? "").slice(0, 6) : ws.slice(0, 3).join(" ");
  return sectionsNamed(lead, table);
}

export function findSlots(blocks: Block[], table: AliasTable): Slot[] {
  const slots: Slot[] = [];
  blocks.forEach((b, i) => {
    const at = { line: b.line, column: b.column, start: i };
    switch (b.kind) {
      case "heading": {
        const sections = sectionsNamed(b.text, table);
        if (sections.length)
          slots.push({
            kind: "heading",
            sections,
            label: b.text.trim(),
            inline: null,
            ...at,
            end: endOfHeading(blocks, i, b.depth),
          });
        return;
      }
      case "summary": {
        const sections = sectionsNamed(b.text, table);
        if (sections.length)
          slots.push({
            kind: "summary",
            sections,
            label: b.text,
            inline: null,
            ...at,
            end: endOfSummary(blocks, i),
          });
        return;
      }
      case "line": {
        const bold = BOLD_ONLY_RE.exec(b.raw);
        if (bold) {
          const sections = sectionsNamed(bold[2]!, table);
          if (sections.length)
            slots.push({
              kind: "bold",
              sections,
              label: bold[2]!.trim(),
              inline: null,
              ...at,
              end: b.list > 0 ? endOfListLabel(blocks, i, true) : endOfPseudo(blocks, i),
            });
          return;
        }
        const l = labelOf(b.text);
        if (!l) {
          const named =
            b.list > 0 && words(b.text).length <= MAX_PROMPT_WORDS ? sectionsNamed(b.text, table) : [];
          if (named.length)
            slots.push({
              kind: "label",
              sections: named,
              label: b.text.trim(),
              inline: null,
              ...at,
              end: endOfListLabel(blocks, i, false),
            });
          return;
        }
        const sections = sectionsNamed(l.name, table);
        if (!sections.length) return;
        const end =
          l.rest !== ""
            ? Math.max(endOfInline(blocks, i, table), b.list > 0 ? endOfListLabel(blocks, i, false) : 0)
            : b.list > 0
              ? endOfListLabel(blocks, i, true)
              : endOfPseudo(blocks, i);
        slots.push({ kind: "label", sections, label: l.name, inline: l.rest || null, ...at, end });
        return;
      }
      case "task": {
        const l = labelOf(b.text);
        const named = l ? sectionsNamed(l.name, table) : [];
        const sections = named.length ? named : startsWithAlias(b.text, table);
        if (!sections.length) return;
        const inline = named.length && l ? l.rest || null : null;
        slots.push({
          kind: "task",
          sections,
          label: named.length && l ? l.name : b.text,
          inline,
          checked: b.checked,
          ...at,
          end: endOfListLabel(blocks, i, false),
        });
        return;
      }
      case "row": {
        const [first, ...rest] = b.cells;
        // When the header's first cell names a section, it is a column table and the rows hold answers.
        const columnTable = b.header !== null && sectionsNamed(b.header[0] ?? "", table).length > 0;
        const sections = first && !columnTable ? sectionsNamed(first, table) : [];
        if (sections.length && b.header !== null) {
          slots.push({
            kind: "table",
            sections,
            label: first!,
            inline: rest.join(" ").trim() || null,
            ...at,
            end: i + 1,
          });
          return;
        }
        // Column tables: a header cell names the section, the body rows hold the answers.
        if (b.header) {
          b.header.forEach((h, k) => {
            const named = sectionsNamed(h, table);
            if (named.length)
              slots.push({
                kind: "table",
                sections: named,
                label: h,
                inline: b.cells[k]?.trim() || null,
                ...at,
                end: i + 1,
              });
          });
        }
        return;
      }
      default:
        return;
    }
  });
  return slots;
}
