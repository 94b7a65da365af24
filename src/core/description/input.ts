/** GitHub's limit for a PR body; remark is superlinear on larger input, so nothing beyond it is parsed. */
export const MAX_BODY_CHARS = 65_536;

export interface PreparedText {
  /** Text ready for the Markdown parser: LF line ends, no BOM, no NULs, HTML comments blanked out. */
  text: string;
  /** 1-based lines on which an HTML comment starts or continues. */
  commentLines: Set<number>;
  truncated: boolean;
  originalLength: number;
}

/**
 * Blank out HTML comments (keeping line breaks, so positions stay true) so that text inside them can never be read as
 * a heading or an answer. An unclosed `<!--` runs to the end, as in an HTML block.
 */
function blankComments(text: string, commentLines: Set<number>): string {
  let out = "";
  let from = 0;
  const newlines: number[] = [];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) newlines.push(i);
  for (;;) {
    const start = text.indexOf("<!--", from);
    if (start < 0) break;
    const close = text.indexOf("-->", start + 4);
    const end = close < 0 ? text.length : close + 3;
    out += text.slice(from, start);
    const firstLine = lineOf(newlines, start);
    const comment = text.slice(start, end);
    let line = firstLine;
    commentLines.add(line);
    for (const ch of comment) {
      if (ch === "\n") {
        out += "\n";
        commentLines.add(++line);
      } else out += " ";
    }
    from = end;
  }
  return out + text.slice(from);
}

/** 1-based line of an offset, by binary search over the newline offsets. */
function lineOf(newlines: number[], offset: number): number {
  let lo = 0;
  let hi = newlines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (newlines[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo + 1;
}

/** Deeper containers than this are flattened: no real description nests 32 quotes or lists, and remark recurses. */
export const MAX_NESTING = 32;
const MAX_INDENT = 96;

function isSpace(c: string | undefined): boolean {
  return c === " " || c === "\t";
}

/**
 * Cap the container markers (`>`, `-`, `*`, `+`, `1.`) that open a line, and its indentation, so hostile input such
 * as 65,536 `>` cannot exhaust the parser's stack. Lines within the limits are returned unchanged.
 */
function capLine(line: string): string {
  let i = 0;
  let markers = 0;
  let cutFrom = -1;
  while (i < line.length) {
    const start = i;
    while (isSpace(line[i])) i++;
    if (i - start > MAX_INDENT)
      return line.slice(0, start) + " ".repeat(MAX_INDENT) + line.slice(i).trimStart();
    const c = line[i];
    let end = -1;
    if (c === ">") end = i + 1;
    else if ((c === "-" || c === "*" || c === "+") && (isSpace(line[i + 1]) || i + 1 === line.length))
      end = i + 1;
    else {
      let j = i;
      while (j < line.length && j - i < 9 && line[j]! >= "0" && line[j]! <= "9") j++;
      if (j > i && (line[j] === "." || line[j] === ")") && (isSpace(line[j + 1]) || j + 1 === line.length))
        end = j + 1;
    }
    if (end < 0) {
      i = start;
      break;
    }
    markers++;
    if (markers === MAX_NESTING) cutFrom = end;
    i = end;
  }
  return cutFrom < 0 ? line : `${line.slice(0, cutFrom)} ${line.slice(i).trimStart()}`;
}

function capNesting(text: string): string {
  return text
    .split("\n")
    .map((l) => (l.length > 32 ? capLine(l) : l))
    .join("\n");
}

export function prepareText(input: string): PreparedText {
  const originalLength = input.length;
  let text = input.length > MAX_BODY_CHARS ? input.slice(0, MAX_BODY_CHARS) : input;
  text = text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .replaceAll("\u0000", "\uFFFD");
  const commentLines = new Set<number>();
  const blanked = capNesting(blankComments(text, commentLines));
  return { text: blanked, commentLines, truncated: originalLength > MAX_BODY_CHARS, originalLength };
}
