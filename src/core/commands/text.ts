/** A whitespace-separated word of the command line, with its position in that line. */
export interface Token {
  text: string;
  start: number;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(/\S+/g)) tokens.push({ text: m[0], start: m.index });
  return tokens;
}

const TRAILING = new Set([".", "!", "?", ",", ";", ":", "…"]);

export function isTrailingPunctuation(ch: string): boolean {
  return TRAILING.has(ch);
}

/** "status!" → "status", "2h." → "2h". A loop, not a regex, so a long run of punctuation stays linear. */
export function stripTrailingPunctuation(text: string): string {
  let end = text.length;
  while (end > 0 && TRAILING.has(text.charAt(end - 1))) end--;
  return text.slice(0, end);
}

export function isSpace(ch: string): boolean {
  return /\s/.test(ch);
}
