/**
 * Text normalisation used for matching headings and comparing answers with the template. One place, so a heading
 * and an answer are folded the same way everywhere.
 */

/** Zero-width, bidi-control, soft hyphen, BOM, variation selectors and other invisible format characters. */
const INVISIBLE_RANGES: [number, number][] = [
  [0x00ad, 0x00ad],
  [0x034f, 0x034f],
  [0x061c, 0x061c],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180b, 0x180f],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x206f],
  [0x3164, 0x3164],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xffa0, 0xffa0],
];
// Built from ranges: a literal class with combining marks would trip the misleading-character-class lint.
const INVISIBLE_RE = new RegExp(
  INVISIBLE_RANGES.map(([a, b]) =>
    a === b ? `\\u{${a.toString(16)}}` : `[\\u{${a.toString(16)}}-\\u{${b.toString(16)}}]`,
  ).join("|"),
  "gu",
);

/** Emoji and pictographs (incl. keycaps, flags, skin tones) — decoration in headings like "🔙 Rollback". */
const EMOJI_RE = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\u20E3/gu;

const CJK_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE_RE, "");
}

/** Fold width, case, accents-preserving compatibility forms, invisible characters and emoji. */
export function fold(text: string): string {
  return stripInvisible(text.normalize("NFKC")).replace(EMOJI_RE, " ").toLowerCase();
}

/**
 * Words of a heading or label: folded, with numbering ("1.", "2)", "III."), punctuation and markup removed.
 * CJK runs stay as one word each; callers match CJK aliases by substring.
 */
export function words(text: string): string[] {
  return fold(text)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .filter((w) => w !== "" && !/^\d+$/.test(w));
}

export function hasCjk(text: string): boolean {
  return CJK_RE.test(text);
}

/** Comparable form of an answer line: folded, markup and punctuation collapsed to single spaces. */
export function comparable(text: string): string {
  return fold(text)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
