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
export type Block =
  | { kind: "heading"; depth: number; text: string; line: number; column: number }
  | { kind: "line"; text: string; raw: string; line: number; column: number; inList: boolean }
  | { kind: "task"; checked: boolean; text: string; line: number; column: number }
  | { kind: "row"; cells: string[]; header: string[] | null; line: number; column: number }
  | { kind: "code"; text: string; line: number; column: number }
  | { kind: "summary"; text: string; line: number; column: number }
  | { kind: "break"; line: number; column: number };

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
  line: number,
  column: number,
  inList: boolean,
): void {
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
      inList,
    });
  });
}

function htmlBlocks(out: Block[], value: string, line: number, column: number): void {
  value.split("\n").forEach((rawLine, i) => {
    const summary = /<summary[^>]*>([\s\S]*?)(?:<\/summary>|$)/i.exec(rawLine);
    const at = { line: line + i, column: i === 0 ? column : 1 };
    if (summary) {
      const text = summary[1]!.replace(/<[^>]*>/g, "").trim();
      if (text) out.push({ kind: "summary", text, ...at });
      return;
    }
    const text = rawLine.replace(/<[^>]*>/g, "").trim();
    if (text) out.push({ kind: "line", text, raw: text, ...at, inList: false });
  });
}

function walk(node: RootContent, source: string, out: Block[], inList: boolean): void {
  const at = pos(node);
  switch (node.type) {
    case "heading":
      out.push({ kind: "heading", depth: node.depth, text: inlineText(node), ...at });
      return;
    case "paragraph":
      pushLines(out, inlineText(node), sourceOf(node, source), at.line, at.column, inList);
      return;
    case "code":
      out.push({ kind: "code", text: node.value, ...at });
      return;
    case "html":
      htmlBlocks(out, node.value, at.line, at.column);
      return;
    case "yaml":
    case "toml" as string:
      // Front matter is metadata for tools, not something a reviewer reads as an answer.
      return;
    case "thematicBreak":
      out.push({ kind: "break", ...at });
      return;
    case "table": {
      const [head, ...rows] = node.children;
      const header = head ? head.children.map((c) => inlineText(c).trim()) : null;
      if (head) out.push({ kind: "row", cells: header ?? [], header: null, ...pos(head) });
      for (const row of rows)
        out.push({ kind: "row", cells: row.children.map((c) => inlineText(c).trim()), header, ...pos(row) });
      return;
    }
    case "listItem": {
      const [first, ...rest] = node.children;
      if (typeof node.checked === "boolean") {
        const text = first && first.type === "paragraph" ? inlineText(first) : "";
        out.push({
          kind: "task",
          checked: node.checked,
          text: text.replace(/\n/g, " "),
          ...(first ? pos(first) : at),
        });
        for (const child of rest) walk(child, source, out, true);
        return;
      }
      for (const child of node.children) walk(child, source, out, true);
      return;
    }
    default:
      if ("children" in node)
        for (const child of node.children as RootContent[]) walk(child, source, out, inList);
  }
}

/** Parse the pieces of a description (see segment.ts) into one block list with true positions. */
export function parseBlocks(pieces: readonly Piece[]): Block[] {
  const out: Block[] = [];
  for (const piece of pieces) {
    const tree = (piece.lineOffset === 0 ? withFrontMatter : plain).parse(piece.text) as Root;
    const from = out.length;
    for (const child of tree.children) walk(child, piece.text, out, false);
    for (let i = from; i < out.length; i++) out[i]!.line += piece.lineOffset;
  }
  return out;
}
