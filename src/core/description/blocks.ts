import type { Nodes, Root, RootContent } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { Piece } from "./segment.js";

/**
 * A description flattened into lines a reviewer reads, in document order. Paragraphs are split into their lines so
 * `Rollback: …` label lines and template lines can be matched one by one.
 */
export type Block = BlockBody & Container;

type BlockBody =
  | { kind: "heading"; depth: number; text: string; line: number; column: number }
  | {
      kind: "line";
      text: string;
      raw: string;
      line: number;
      column: number;
      /** Set in a blockquote, or when the whole paragraph is emphasised (`_Describe the change_`). */
      voice: "quote" | "emphasis" | null;
    }
  | { kind: "task"; checked: boolean; text: string; line: number; column: number }
  | { kind: "row"; cells: string[]; header: string[] | null; line: number; column: number }
  | { kind: "code"; text: string; line: number; column: number }
  | { kind: "summary"; text: string; line: number; column: number }
  /** `<details>` opens or `</details>` closes a collapsible block. */
  | { kind: "details"; open: boolean; line: number; column: number }
  | { kind: "break"; line: number; column: number };

/** The list item a block sits in: nesting depth (0 outside lists) and an id shared by the item's own blocks. */
export interface Container {
  list: number;
  item: number;
}

const OUTSIDE: Container = { list: 0, item: 0 };

const withFrontMatter = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ["yaml", "toml"]);
/** Pieces after the first cannot open with front matter (a `---` there is a thematic break). */
const plain = unified().use(remarkParse).use(remarkGfm);

/** Plain text of inline content; inline HTML tags are dropped, their text kept. */
function inlineText(node: Nodes): string {
  if (node.type === "text" || node.type === "inlineCode") return node.value;
  if (node.type === "html") return node.value.replace(/<[^>]*>/g, "");
  if (node.type === "break") return "\n";
  if (node.type === "image") return node.alt ?? "";
  if ("children" in node) return (node.children as Nodes[]).map(inlineText).join("");
  return "";
}

function pos(node: Nodes): { line: number; column: number } {
  return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}

/** The source text of a node, for spotting bold-only paragraphs (`**Rollback plan**`). */
function sourceOf(node: Nodes, source: string): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? "" : source.slice(start, end);
}

function pushLines(
  out: Block[],
  text: string,
  raw: string,
  at: { line: number; column: number },
  voice: "quote" | "emphasis" | null,
  ctx: Container,
): void {
  const { line, column } = at;
  const lines = text.split("\n");
  const raws = raw.split("\n");
  lines.forEach((t, i) => {
    if (t.trim() === "") return;
    out.push({
      kind: "line",
      text: t,
      raw: raws[i] ?? t,
      line: line + i,
      column: i === 0 ? column : 1,
      voice,
      ...ctx,
    });
  });
}

const HTML_TOKEN_RE = /<(\/?)details\b[^>]*>|<summary[^>]*>([\s\S]*?)(?:<\/summary>|$)/gi;

/** HTML lines: `<details>` / `</details>` and `<summary>` become blocks of their own, other text becomes lines. */
function htmlBlocks(out: Block[], value: string, line: number, column: number, ctx: Container): void {
  value.split("\n").forEach((rawLine, i) => {
    const at = { line: line + i, column: i === 0 ? column : 1, ...ctx };
    let rest = "";
    let from = 0;
    for (const m of rawLine.matchAll(HTML_TOKEN_RE)) {
      rest += rawLine.slice(from, m.index);
      from = m.index + m[0].length;
      const text = rest.replace(/<[^>]*>/g, "").trim();
      if (text) out.push({ kind: "line", text, raw: text, ...at, voice: null });
      rest = "";
      if (m[2] !== undefined) {
        const summary = m[2].replace(/<[^>]*>/g, "").trim();
        if (summary) out.push({ kind: "summary", text: summary, ...at });
      } else out.push({ kind: "details", open: m[1] === "", ...at });
    }
    const text = (rest + rawLine.slice(from)).replace(/<[^>]*>/g, "").trim();
    if (text) out.push({ kind: "line", text, raw: text, ...at, voice: null });
  });
}

/** A paragraph whose visible text is all emphasis (italic or bold): the voice of an instruction left in place. */
function allEmphasis(node: Nodes): boolean {
  if (!("children" in node)) return false;
  const kids = (node.children as Nodes[]).filter((c) => !(c.type === "text" && c.value.trim() === ""));
  return kids.length > 0 && kids.every((c) => c.type === "emphasis" || c.type === "strong");
}

interface Walk {
  source: string;
  out: Block[];
  ctx: Container;
  quoted: boolean;
  /** Next list item id. */
  items: { next: number };
}

function walk(node: RootContent, w: Walk): void {
  const { out, ctx } = w;
  const at = { ...pos(node), ...ctx };
  switch (node.type) {
    case "heading":
      out.push({ kind: "heading", depth: node.depth, text: inlineText(node), ...at });
      return;
    case "paragraph":
      pushLines(
        out,
        inlineText(node),
        sourceOf(node, w.source),
        at,
        w.quoted ? "quote" : allEmphasis(node) ? "emphasis" : null,
        ctx,
      );
      return;
    case "code":
      out.push({ kind: "code", text: node.value, ...at });
      return;
    case "html":
      htmlBlocks(out, node.value, at.line, at.column, ctx);
      return;
    case "yaml":
    case "toml" as string:
      // Front matter is metadata for tools, not something a reviewer reads as an answer.
      return;
    case "thematicBreak":
      out.push({ kind: "break", ...at });
      return;
    case "blockquote":
      for (const child of node.children) walk(child, { ...w, quoted: true });
      return;
    case "table": {
      const [head, ...rows] = node.children;
      const header = head ? head.children.map((c) => inlineText(c).trim()) : null;
      if (head) out.push({ kind: "row", cells: header ?? [], header: null, ...pos(head), ...ctx });
      for (const row of rows)
        out.push({
          kind: "row",
          cells: row.children.map((c) => inlineText(c).trim()),
          header,
          ...pos(row),
          ...ctx,
        });
      return;
    }
    case "listItem": {
      const inner = { ...w, ctx: { list: ctx.list + 1, item: w.items.next++ } };
      const [first, ...rest] = node.children;
      if (typeof node.checked === "boolean") {
        const text = first && first.type === "paragraph" ? inlineText(first) : "";
        out.push({
          kind: "task",
          checked: node.checked,
          text: text.replace(/\n/g, " "),
          ...(first ? pos(first) : at),
          ...inner.ctx,
        });
        for (const child of rest) walk(child, inner);
        return;
      }
      for (const child of node.children) walk(child, inner);
      return;
    }
    default:
      if ("children" in node) for (const child of node.children as RootContent[]) walk(child, w);
  }
}

/** Parse the pieces of a description (see segment.ts) into one block list with true positions. */
export function parseBlocks(pieces: readonly Piece[]): Block[] {
  const out: Block[] = [];
  const items = { next: 1 };
  for (const piece of pieces) {
    const tree = (piece.lineOffset === 0 ? withFrontMatter : plain).parse(piece.text) as Root;
    // Headings in the text skipped before this piece still close the sections above them; an empty heading names
    // nothing, so it only marks where they end.
    if (piece.boundary)
      out.push({
        kind: "heading",
        depth: piece.boundary,
        text: "",
        line: piece.lineOffset,
        column: 1,
        ...OUTSIDE,
      });
    const from = out.length;
    for (const child of tree.children)
      walk(child, { source: piece.text, out, ctx: OUTSIDE, quoted: false, items });
    for (let i = from; i < out.length; i++) out[i]!.line += piece.lineOffset;
  }
  return out;
}
