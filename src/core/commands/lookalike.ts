import { type CommandWord, matchHead } from "./head.js";

/** Characters that render like "/" but are not U+002F. */
const SLASHES = /[\u2044\u2215\u2571\u27cb\u29f8\u2f03\u31d3\u4e3f\u1735\u3033\u30ce\uff0f]/gu;

/** Invisible characters: format characters (zero-width space/joiners, BOM, bidi controls, soft hyphen …), fillers, variation selectors. */
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;

/** Letters from other scripts that look like the Latin letters of command words and keywords. */
const CONFUSABLE: Record<string, string> = {
  а: "a",
  е: "e",
  о: "o",
  р: "p",
  с: "c",
  у: "y",
  х: "x",
  і: "i",
  ј: "j",
  ԁ: "d",
  ѕ: "s",
  г: "r",
  т: "t",
  ս: "u",
  ո: "n",
  ν: "v",
  ο: "o",
  ι: "i",
  υ: "u",
  τ: "t",
  ʀ: "r",
  ᴢ: "z",
  ᴠ: "v",
  ᴜ: "u",
  ᴇ: "e",
  ᴏ: "o",
  ꜰ: "f",
  ѵ: "v",
  Е: "E",
  О: "O",
  Р: "P",
  Ѕ: "S",
  Т: "T",
  Ζ: "Z",
  Ε: "E",
  Ο: "O",
  Ι: "I",
  Ν: "N",
  Τ: "T",
};
const CONFUSABLE_RE = new RegExp(`[${Object.keys(CONFUSABLE).join("")}]`, "gu");

/** What a (short) text looks like to a reader: compatibility forms folded, invisibles dropped, look-alikes mapped. */
export function skeleton(text: string): string {
  return text
    .normalize("NFKC")
    .replace(INVISIBLE, "")
    .replace(SLASHES, "/")
    .replace(CONFUSABLE_RE, (ch) => CONFUSABLE[ch] ?? ch);
}

/** True when `text` is not plain ASCII yet reads like it. */
export function isDisguised(text: string): boolean {
  return /[^\x20-\x7e]/.test(text);
}

/**
 * A first line that reads like a command but does not parse as one because of look-alike slashes or letters or
 * invisible characters: returns the command word it imitates. Only the first 64 characters are examined.
 */
export function lookalikeHead(line: string): CommandWord | null {
  const start = line.slice(0, 64);
  if (!isDisguised(start)) return null;
  const head = matchHead(skeleton(start).trimStart());
  return head ? head.word : null;
}
