/**
 * Cut a description into the pieces worth parsing. remark is slow and superlinear on hostile input, so only the
 * sections that can hold a slot (their text names a section) and their sub-sections are parsed, in pieces of bounded
 * size, up to a budget. Pieces start at line starts, so positions are restored by adding the piece's line offset.
 */

export interface Piece {
  text: string;
  /** Number of lines before this piece in the description. */
  lineOffset: number;
  /**
   * Depth of the shallowest heading in the text skipped just before this piece, if any. The skipped headings still
   * end the sections above them: without this, `### Summary` after a skipped `## Testing` would read as a
   * sub-section of an earlier `## Rollback plan`.
   */
  boundary?: number;
}

export interface Segmentation {
  pieces: Piece[];
  /** True when relevant text beyond the budget was not read. */
  overBudget: boolean;
}

/** Lines longer than this are cut for parsing: no answer needs more, and long lines feed superlinear cases. */
export const MAX_LINE_CHARS = 2_000;
/** A piece is closed at the next blank line after this many characters (outside code fences). */
const PIECE_CHARS = 2_048;
/** A piece with no blank line is cut at a line end after this many characters. */
const HARD_PIECE_CHARS = 4_096;

const ATX_RE = /^ {0,3}(#{1,6})(?:[ \t]|$)/;
const FENCE_RE = /^ {0,3}(`{3,}|~{3,})/;

interface Line {
  text: string;
  /** ATX heading depth; 0 when the line is not an ATX heading. */
  heading: number;
  /** Depth of a setext underline (`===` 1, `---` under a paragraph line 2); 0 otherwise. */
  underline: number;
  inFence: boolean;
}

const SETEXT_RE = /^ {0,3}(=+|-+)[ \t]*$/;
/** A line a setext underline can close: not blank and not opening a list item, quote or heading. */
const PARAGRAPH_RE = /^ {0,3}(?![-*+>#]|\d+[.)])\S/;

function scanLines(source: string): Line[] {
  const lines: Line[] = [];
  let fence: string | null = null;
  for (const raw of source.split("\n")) {
    const text = raw.length > MAX_LINE_CHARS ? raw.slice(0, MAX_LINE_CHARS) : raw;
    const f = FENCE_RE.exec(text);
    if (fence) {
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length && text.trim() === f[1]) fence = null;
      lines.push({ text, heading: 0, underline: 0, inFence: true });
      continue;
    }
    if (f && !(f[1]![0] === "`" && text.slice(text.indexOf(f[1]!) + f[1]!.length).includes("`"))) {
      fence = f[1]!;
      lines.push({ text, heading: 0, underline: 0, inFence: true });
      continue;
    }
    const h = ATX_RE.exec(text);
    const u = SETEXT_RE.exec(text);
    const prev = lines[lines.length - 1];
    const underline =
      u && prev && !prev.inFence && !prev.heading && PARAGRAPH_RE.test(prev.text)
        ? u[1]![0] === "="
          ? 1
          : 2
        : 0;
    lines.push({ text, heading: h ? h[1]!.length : 0, underline, inFence: false });
  }
  return lines;
}

/** Shallowest heading (ATX or setext) in lines [from, to); 0 when there is none. */
function shallowestHeading(lines: Line[], from: number, to: number): number {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const d = lines[i]!.heading || lines[i]!.underline;
    if (d && (!depth || d < depth)) depth = d;
  }
  return depth;
}

/** Split [from, to) lines into pieces at blank lines outside fences. */
function piecesOf(lines: Line[], from: number, to: number, boundary: number, out: Piece[]): void {
  const first = out.length;
  let start = from;
  let size = 0;
  for (let i = from; i < to; i++) {
    const l = lines[i]!;
    size += l.text.length + 1;
    const blank = l.text.trim() === "" && !l.inFence;
    const atHard = size >= HARD_PIECE_CHARS && !l.inFence;
    if ((blank && size >= PIECE_CHARS) || atHard) {
      out.push({
        text: lines
          .slice(start, i + 1)
          .map((x) => x.text)
          .join("\n"),
        lineOffset: start,
      });
      start = i + 1;
      size = 0;
    }
  }
  if (start < to)
    out.push({
      text: lines
        .slice(start, to)
        .map((x) => x.text)
        .join("\n"),
      lineOffset: start,
    });
  if (boundary && out[first]) out[first].boundary = boundary;
}

/**
 * @param relevant decides from a chunk's text whether it may hold a slot; null parses everything (templates).
 * @param budget how many characters of relevant text are parsed at most.
 */
export function segment(
  source: string,
  relevant: ((text: string) => boolean) | null,
  budget: number,
): Segmentation {
  const lines = scanLines(source);
  // Chunks run from one ATX heading to the next.
  const starts: number[] = [0];
  lines.forEach((l, i) => {
    if (l.heading && i > 0) starts.push(i);
  });
  // Selected line ranges; adjacent ones are merged so a piece is parsed in one call (each call has a fixed cost).
  const ranges: [from: number, to: number, boundary: number][] = [];
  const take = (from: number, to: number) => {
    const last = ranges[ranges.length - 1];
    if (last && last[1] === from) last[1] = to;
    else ranges.push([from, to, shallowestHeading(lines, last ? last[1] : 0, from)]);
  };
  let spent = 0;
  let overBudget = false;
  let openDepth = 0; // depth of the relevant heading whose sub-sections are included; 0 = none
  for (let c = 0; c < starts.length; c++) {
    const from = starts[c]!;
    const to = starts[c + 1] ?? lines.length;
    const depth = lines[from]!.heading;
    if (openDepth && depth && depth <= openDepth) openDepth = 0;
    const text = lines
      .slice(from, to)
      .map((l) => l.text)
      .join("\n");
    const wanted = relevant === null || openDepth > 0 || relevant(text);
    if (!wanted) continue;
    if (depth && !openDepth && (relevant === null || relevant(lines[from]!.text))) openDepth = depth;
    if (spent + text.length > budget) {
      overBudget = true;
      let end = from;
      let used = spent;
      while (end < to && used + lines[end]!.text.length + 1 <= budget) used += lines[end++]!.text.length + 1;
      if (end > from) take(from, end);
      break;
    }
    spent += text.length + 1;
    take(from, to);
  }
  const pieces: Piece[] = [];
  for (const [from, to, boundary] of ranges) piecesOf(lines, from, to, boundary, pieces);
  return { pieces, overBudget };
}
