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

export function prepareText(input: string): PreparedText {
  const originalLength = input.length;
  let text = input.length > MAX_BODY_CHARS ? input.slice(0, MAX_BODY_CHARS) : input;
  text = text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .replace(/\u0000/g, "\uFFFD");
  const commentLines = new Set<number>();
  const blanked = blankComments(text, commentLines);
  return { text: blanked, commentLines, truncated: originalLength > MAX_BODY_CHARS, originalLength };
}
