/**
 * User text (PR titles and descriptions) made safe for a terminal: control characters (escape sequences among them)
 * become spaces and runs of whitespace one space, so a PR body cannot rewrite the on-call's screen.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

export function plain(text: string, max = 200): string {
  const one = text.replace(CONTROL, " ").replace(/\s+/g, " ").trim();
  return one.length <= max ? one : `${one.slice(0, max - 1)}…`;
}
