import { type Duration, parseDuration } from "../config/values.js";
import { isDisguised, skeleton } from "./lookalike.js";
import { stripTrailingPunctuation, type Token } from "./text.js";
import { DATE_ONLY, TIME_WORD } from "./time.js";

export type OptionName = "for" | "until" | "env";

const KEYWORDS: Readonly<Record<string, OptionName>> = {
  for: "for",
  until: "until",
  env: "env",
  environment: "env",
};

export const ENV_NAME = /^[A-Za-z0-9_.-]{1,100}$/;

const HINT: Readonly<Record<OptionName, string>> = {
  for: "a duration such as 90m, 2h, 1h30m, 3d or 1w",
  until: "a date-time such as 2026-12-01 09:00",
  env: "an environment name such as production",
};

export function keyword(word: string): OptionName | null {
  return KEYWORDS[word.toLowerCase()] ?? null;
}

/** A word that reads like `keyword` (or `also`, e.g. "status") but is spelled with look-alike characters. */
export function disguisedKeyword(word: string, also: readonly string[] = []): string | null {
  if (!isDisguised(word)) return null;
  const plain = stripTrailingPunctuation(skeleton(word)).toLowerCase();
  return KEYWORDS[plain] !== undefined || also.includes(plain) ? plain : null;
}

export interface Options {
  duration: { written: string; value: Duration } | null;
  /** The `until` value as written: one word, or a date and a time word joined by a space. */
  until: string | null;
  env: string | null;
  /** Index of the token where the reason begins (`tokens.length` when there is none). */
  reasonAt: number;
}

type Failure = { error: string };

/** Reads the leading `for` / `until` / `env` options (any order); the first other word starts the reason. */
export function readOptions(tokens: readonly Token[], allowed: readonly OptionName[]): Options | Failure {
  const out: Options = { duration: null, until: null, env: null, reasonAt: tokens.length };
  let i = 0;
  while (i < tokens.length) {
    const word = tokens[i]!.text;
    const name = keyword(word);
    if (name === null) {
      const fake = disguisedKeyword(word);
      if (fake)
        return {
          error: `\`${word}\` looks like \`${fake}\` but uses look-alike characters; type it in plain letters`,
        };
      break;
    }
    if (!allowed.includes(name)) break;
    const next = tokens[i + 1];
    if (!next) return { error: `\`${word}\` needs ${HINT[name]}` };
    const value = stripTrailingPunctuation(next.text);
    if (name === "for") {
      if (out.duration) return { error: "`for` is given twice" };
      if (out.until !== null) return { error: "use either `for` or `until`, not both" };
      const duration = parseDuration(value);
      if (!duration) return { error: `\`for ${value}\` is not a duration; use ${HINT.for}` };
      out.duration = { written: value, value: duration };
      i += 2;
    } else if (name === "until") {
      if (out.until !== null) return { error: "`until` is given twice" };
      if (out.duration) return { error: "use either `for` or `until`, not both" };
      const time = tokens[i + 2] ? stripTrailingPunctuation(tokens[i + 2]!.text) : "";
      if (DATE_ONLY.test(value) && TIME_WORD.test(time)) {
        out.until = `${value} ${time}`;
        i += 3;
      } else {
        out.until = value;
        i += 2;
      }
    } else {
      if (out.env !== null) return { error: "`env` is given twice" };
      if (!ENV_NAME.test(value)) {
        return {
          error: `\`env ${value}\` is not an environment name; use letters, digits, "_", "." and "-" (at most 100)`,
        };
      }
      out.env = value;
      i += 2;
    }
  }
  out.reasonAt = i;
  return out;
}

const DATE_OR_TIME = /^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}:\d{2})/;

/**
 * An option written inside the (unquoted) reason, where it would silently become text: `/freeze Black Friday for 2h`
 * or `/unfreeze done env staging`. `for` and `until` count anywhere when a duration or date/time follows; `env` only
 * as the last two words (so "the env is down" stays text). Returns the error text or null.
 */
export function misplacedOption(
  reason: readonly Token[],
  allowed: readonly OptionName[],
  command: string,
): string | null {
  for (let j = 0; j + 1 < reason.length; j++) {
    const word = reason[j]!.text;
    const name = keyword(word);
    if (name === null) continue;
    const value = stripTrailingPunctuation(reason[j + 1]!.text);
    const looksLikeOption =
      name === "for"
        ? parseDuration(value) !== null
        : name === "until"
          ? DATE_OR_TIME.test(value)
          : j + 2 === reason.length && ENV_NAME.test(value);
    if (!looksLikeOption) continue;
    const phrase = `${word} ${value}`;
    return allowed.includes(name)
      ? `\`${phrase}\` is inside the reason, where it would be ignored; put options before the reason (\`${command} ${phrase} <reason>\`) or quote the reason`
      : `\`${command}\` does not take \`${name}\` (found \`${phrase}\`); quote the reason if it is meant as text`;
  }
  return null;
}
