/**
 * Text normalisation used for matching headings and comparing answers with the template. One place, so a heading
 * and an answer are folded the same way everywhere.
 */

/** Zero-width, bidi-control, soft hyphen, BOM and other invisible format characters. */
const INVISIBLE_RE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/g;

/** Emoji and pictographs (incl. keycaps, flags, skin tones) — decoration in headings like "🔙 Rollback". */
const EMOJI_RE = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u20E3]/gu;

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
