import { comparable, fold, hasCjk, words } from "./normalize.js";

export type SectionKey = "rollback" | "blastRadius";

export const SECTION_KEYS: readonly SectionKey[] = ["rollback", "blastRadius"];

/** Config key of each section (`description.rollback`, `description.blast_radius`). */
export const SECTION_CONFIG_KEY = { rollback: "rollback", blastRadius: "blast_radius" } as const;

/** How each section is named in messages. */
export const SECTION_TITLE: Record<SectionKey, string> = {
  rollback: "Rollback plan",
  blastRadius: "Blast radius",
};

/** What a good answer says; ends every fix-it message. */
export const SECTION_ASK: Record<SectionKey, string> = {
  rollback: "describe the steps to return to the previous state",
  blastRadius: "describe which systems this change touches and the worst case if it goes wrong",
};

/**
 * The one heading-alias table. A slot is named by a heading, bold line, label, task item or table row whose words
 * contain one of these phrases (words match by prefix, so "impacts" matches "impact"; CJK phrases by substring).
 */
export const BUILT_IN_ALIASES: Record<SectionKey, readonly string[]> = {
  rollback: [
    // English
    "rollback",
    "roll back",
    "rolling back",
    "roll-back",
    "revert",
    "reverting",
    "reversal",
    "reversion",
    "backout",
    "back out",
    "back-out",
    "undo",
    "recovery plan",
    "restore plan",
    "fallback plan",
    "downgrade",
    // Japanese
    "切り戻し",
    "切戻し",
    "ロールバック",
    "差し戻し",
    "復旧手順",
    // Chinese
    "回滚",
    "回退",
    "回復",
    "還原",
    // Korean
    "롤백",
    // Portuguese / Spanish
    "reverter",
    "reversão",
    "reversao",
    "reversión",
    "reversion",
    "revertir",
    "plano de retorno",
    "vuelta atrás",
    // German
    "rückfall",
    "rückfallplan",
    "rückgängig",
    "rücksetz",
    "zurückrollen",
    "zurücksetzen",
    // French
    "retour arrière",
    "plan de retour",
  ],
  blastRadius: [
    // English
    "blast radius",
    "impact",
    "impacted",
    "worst case",
    "affected",
    "affects",
    "risk",
    "what could go wrong",
    "side effect",
    "scope of change",
    "failure mode",
    // Japanese
    "影響範囲",
    "影響",
    "リスク",
    // Chinese
    "影响范围",
    "影响",
    "风险",
    "風險",
    // Korean
    "영향",
    "위험",
    // Portuguese / Spanish
    "impacto",
    "riscos",
    "risco",
    "riesgo",
    "alcance",
    "afetad",
    "afectad",
    // German
    "auswirkung",
    "risiko",
    "risiken",
    "betroffen",
    // French
    "impact",
    "risque",
  ],
};

interface CompiledAlias {
  cjk: boolean;
  phrase: string;
  words: string[];
}

export type AliasTable = Record<SectionKey, CompiledAlias[]>;

function compile(alias: string): CompiledAlias {
  return { cjk: hasCjk(alias), phrase: comparable(alias).replace(/ /g, ""), words: words(alias) };
}

export function compileAliases(extra: Partial<Record<SectionKey, readonly string[]>> = {}): AliasTable {
  const table = {} as AliasTable;
  for (const key of ["rollback", "blastRadius"] as const) {
    table[key] = [...BUILT_IN_ALIASES[key], ...(extra[key] ?? [])]
      .map(compile)
      .filter((a) => a.words.length > 0);
  }
  return table;
}

/** Word w matches alias word a when equal, or when a (4+ letters) is a prefix of w ("impacts", "reverting"). */
function wordMatches(w: string, a: string): boolean {
  return w === a || (a.length >= 4 && w.startsWith(a));
}

function phraseAt(ws: string[], i: number, alias: string[]): boolean {
  for (let j = 0; j < alias.length; j++) {
    const w = ws[i + j];
    if (w === undefined) return false;
    if (!wordMatches(w, alias[j]!)) return false;
  }
  return true;
}

/** Which sections a heading/label text names. */
export function sectionsNamed(text: string, table: AliasTable): SectionKey[] {
  const ws = words(text);
  if (ws.length === 0) return [];
  const joined = ws.join("");
  const out: SectionKey[] = [];
  for (const key of ["rollback", "blastRadius"] as const) {
    const hit = table[key].some((alias) => {
      if (alias.cjk) return joined.includes(alias.phrase);
      for (let i = 0; i < ws.length; i++) if (phraseAt(ws, i, alias.words)) return true;
      return false;
    });
    if (hit) out.push(key);
  }
  return out;
}

/**
 * Cheap superset test: could any slot be named in this text? Every alias word is a substring of the folded text
 * when it matches, so a false here is never a missed slot.
 */
export function mayNameSection(text: string, table: AliasTable): boolean {
  const folded = fold(text);
  for (const key of ["rollback", "blastRadius"] as const)
    for (const alias of table[key])
      if (folded.includes(alias.cjk ? alias.phrase.slice(0, 1) : alias.words[0]!)) return true;
  return false;
}

/** Folded text without the words that name a section ("no impact expected" → "no expected"). */
export function withoutSectionNames(text: string, table: AliasTable): string {
  return text
    .split(" ")
    .map((w) => {
      if (!hasCjk(w)) return sectionsNamed(w, table).length ? "" : w;
      let rest = w;
      for (const key of SECTION_KEYS)
        for (const a of table[key]) if (a.cjk) rest = rest.replaceAll(a.phrase, "");
      return rest;
    })
    .filter((w) => w !== "")
    .join(" ");
}

/**
 * Folded text without a leading word that names the section when it is written in Chinese, Japanese or Korean, where
 * "影響なし" and "영향 없음" put the section's name before the non-answer. Other text is returned unchanged: in spaced
 * languages the name leads real steps too ("Revert, nothing else needed").
 */
export function withoutLeadingSectionName(text: string, section: SectionKey, table: AliasTable): string {
  const [first = "", ...rest] = text.split(" ");
  if (!hasCjk(first)) return text;
  for (const a of table[section]) {
    if (!a.cjk || !first.startsWith(a.phrase)) continue;
    return [first.slice(a.phrase.length), ...rest].filter((w) => w !== "").join(" ");
  }
  return text;
}
