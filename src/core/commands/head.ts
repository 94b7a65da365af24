import { isSpace, isTrailingPunctuation } from "./text.js";

export type CommandWord = "freeze" | "unfreeze" | "override";

const WORDS = new Set<string>(["freeze", "unfreeze", "override"]);

/**
 * Reads `/word` at the start of `line` (already trimmed): ASCII slash, ASCII letters, optional trailing punctuation,
 * then whitespace or the end. `/freezer`, `/freeze-all`, `/freeze.x` are not commands. Returns the command word and
 * the rest of the line, or null.
 */
export function matchHead(line: string): { word: CommandWord; rest: string } | null {
  if (line.charCodeAt(0) !== 0x2f) return null;
  let i = 1;
  while (i < line.length && i <= 16 && /[A-Za-z]/.test(line.charAt(i))) i++;
  const word = line.slice(1, i).toLowerCase();
  if (!WORDS.has(word)) return null;
  while (i < line.length && isTrailingPunctuation(line.charAt(i))) i++;
  if (i < line.length && !isSpace(line.charAt(i))) return null;
  return { word: word as CommandWord, rest: line.slice(i) };
}
