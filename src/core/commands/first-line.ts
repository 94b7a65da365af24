/**
 * The line a command may stand on: the first non-blank line of the comment that is not a `>` quote. Null when there
 * is none, or when that line is code: it opens a code fence, or it is indented by four columns or more (a CommonMark
 * indented code block, or the lazy continuation of a quote) — a command inside code is an example, not a command.
 * Scans line by line with `indexOf`, so a 60 KB comment costs one pass at most and usually a few characters.
 */
export function commandLine(body: string): string | null {
  let start = 0;
  while (start <= body.length) {
    let end = body.indexOf("\n", start);
    if (end < 0) end = body.length;
    let line = body.slice(start, end);
    if (line.endsWith("\r")) line = line.slice(0, -1);
    start = end + 1;
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith(">")) continue;
    if (indentColumns(line) >= CODE_INDENT) return null;
    if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) return null;
    return trimmed;
  }
  return null;
}

/** CommonMark: four columns of indentation make a line indented code (tabs stop every four columns). */
const CODE_INDENT = 4;

/** Columns of leading spaces and tabs (only these indent in Markdown; other Unicode spaces do not). */
function indentColumns(line: string): number {
  let column = 0;
  for (let i = 0; i < line.length && column < CODE_INDENT; i++) {
    const ch = line.charAt(i);
    if (ch === " ") column++;
    else if (ch === "\t") column += CODE_INDENT - (column % CODE_INDENT);
    else break;
  }
  return column;
}
