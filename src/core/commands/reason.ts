/** Control characters (tabs become spaces first) and bidi controls, which could make a reason display misleadingly. */
const UNWANTED = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

const QUOTES: Record<string, string> = { '"': '"', "'": "'", "“": "”", "„": "“", "‘": "’", "«": "»" };

export const MAX_REASON = 500;

export type ReasonResult = { reason: string | null; quoted: boolean } | { error: string };

/**
 * Cleans the free-text reason: control characters removed, trimmed, one pair of surrounding quotes removed, at most
 * 500 characters (code points). Empty → null.
 */
export function cleanReason(raw: string): ReasonResult {
  let text = raw.replace(/\t/g, " ").replace(UNWANTED, "").trim();
  let quoted = false;
  const close = QUOTES[text.charAt(0)];
  if (close !== undefined && text.length >= 2) {
    // A closing quote may be followed by the sentence's punctuation: "Black Friday".
    let end = text.length;
    while (end > 1 && /[.!?,;:…]/.test(text.charAt(end - 1))) end--;
    if (end >= 2 && text.charAt(end - 1) === close) {
      text = text.slice(1, end - 1).trim();
      quoted = true;
    }
  }
  const length = [...text].length;
  if (length > MAX_REASON) {
    return { error: `the reason is ${length} characters long; keep it to ${MAX_REASON}` };
  }
  return { reason: text === "" ? null : text, quoted };
}
