/**
 * The line a command may stand on: the first non-blank line of the comment that is not a `>` quote. Null when there
 * is none, or when that line opens a code fence (a command inside a code block is an example, not a command).
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
    if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) return null;
    return trimmed;
  }
  return null;
}
