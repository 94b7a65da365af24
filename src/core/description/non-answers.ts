import { comparable } from "./normalize.js";

/** The languages of the alias table. */
export type Language = "en" | "ja" | "zh" | "ko" | "pt" | "es" | "de" | "fr";

/**
 * Ways of answering without answering, per language of the alias table, written as people write them (they are
 * folded before use). One table, so a language is covered for every kind of non-answer or visibly not.
 */
interface NonAnswers {
  /** "none", "N/A": a non-answer alone; followed by a reason, it may be a reasoned "does not apply". */
  none: string[];
  /** "not applicable": as `none`. */
  notApplicable: string[];
  /** "see above": a pointer elsewhere; alone or with a word or two it is a non-answer. */
  seeAbove: string[];
  /** "later", "pending", "ok": non-answers only as the whole answer (they also start real sentences). */
  alone: string[];
  /** "TBD", "wird nachgereicht": an answer that starts like this is deferred, unless it is long. */
  deferred: string[];
  /** "we'll fix forward": not a way back. */
  fixForward: string[];
  /** Words that carry no rollback step, ignored when judging a fix-forward answer. */
  filler: string[];
}

const NON_ANSWERS: Record<Language, NonAnswers> = {
  en: {
    none: ["none", "nothing", "no", "nope", "nil", "null", "n/a", "na", "x", "unknown", "idk", "not sure"],
    notApplicable: [
      "not applicable",
      "not needed",
      "not relevant",
      "does not apply",
      "doesn't apply",
      "nothing to do",
    ],
    seeAbove: [
      "see above",
      "same as above",
      "as above",
      "ditto",
      "refer above",
      "see description",
      "see pr description",
      "see ticket",
      "see jira",
    ],
    alone: ["later", "pending", "yes", "ok", "lorem ipsum", "fill in", "fill me in", "your text here"],
    deferred: [
      "tbd",
      "tba",
      "tbc",
      "todo",
      "to do",
      "wip",
      "will add",
      "will update",
      "will fill",
      "coming soon",
    ],
    fixForward: [
      "fix forward",
      "fixing forward",
      "roll forward",
      "rolling forward",
      "push forward",
      "forward fix",
    ],
    filler:
      "we will ll just it the if needed any issues issue problems problem and or a by would with instead there is are be no rollback plan".split(
        " ",
      ),
  },
  ja: {
    none: ["なし", "なしです", "特になし", "無し", "ありません", "特にありません", "無"],
    notApplicable: ["該当なし", "対象外", "該当しない", "非該当", "不要"],
    seeAbove: ["上記参照", "上記の通り", "上記のとおり", "上記と同じ", "同上"],
    alone: ["不明", "後日"],
    deferred: ["未定", "後で追記", "後で記載", "追って記載", "あとで", "後で", "検討中"],
    fixForward: ["フィックスフォワード", "ロールフォワード", "前方修正", "修正で対応", "修正版で対応"],
    filler: ["問題があれば", "問題が発生した場合", "必要に応じて", "します", "する", "予定", "で対応"],
  },
  zh: {
    none: ["无", "暂无", "無", "没有", "沒有"],
    notApplicable: ["不适用", "不適用", "不涉及", "无需", "無需", "不需要"],
    seeAbove: ["见上", "见上文", "同上", "如上", "參見上文", "见上方"],
    alone: ["不明"],
    deferred: ["待定", "待补充", "待補充", "稍后补充", "稍後補充", "后续补充", "後續補充", "之后补充"],
    fixForward: ["向前修复", "向前修復", "前向修复", "直接修复", "直接修復", "修复上线"],
    filler: ["如有问题", "出现问题", "有问题", "我们", "会", "将", "进行", "再"],
  },
  ko: {
    none: ["없음", "없습니다", "없어요"],
    notApplicable: ["해당 없음", "해당없음", "해당사항 없음", "해당 사항 없음", "불필요"],
    seeAbove: ["위와 같음", "위와 동일", "위 참조", "상동"],
    alone: ["나중에", "추후"],
    deferred: ["미정", "추후 작성", "추후 업데이트", "추후 추가", "나중에 작성"],
    fixForward: ["포워드 픽스", "픽스 포워드", "수정 배포로 대응", "핫픽스로 대응"],
    filler: ["문제가", "발생하면", "있으면", "생기면", "합니다", "예정", "입니다"],
  },
  pt: {
    none: ["nenhum", "nenhuma", "nada", "não", "nao"],
    notApplicable: ["não se aplica", "nao se aplica", "não aplicável", "nao aplicavel", "sem"],
    seeAbove: ["ver acima", "vide acima", "veja acima", "conforme acima", "mesmo que acima", "idem"],
    alone: ["depois", "mais tarde", "em breve", "pendente"],
    deferred: ["a definir", "a fazer", "será adicionado", "sera adicionado", "vou adicionar"],
    fixForward: [
      "corrigir para frente",
      "corrigiremos para frente",
      "correção para frente",
      "correcao para frente",
    ],
    filler:
      "vamos nós nos apenas só se necessário necessario caso o a os as problema problemas e um uma de em com".split(
        " ",
      ),
  },
  es: {
    none: ["ninguno", "ninguna", "ningún", "nada", "sin"],
    notApplicable: ["no aplica", "no aplicable", "no corresponde", "no procede"],
    seeAbove: ["ver arriba", "véase arriba", "igual que arriba", "como arriba", "ídem"],
    alone: ["más tarde", "luego", "próximamente", "pendiente"],
    deferred: ["por definir", "se agregará", "lo agrego después"],
    fixForward: ["corregir hacia adelante", "corregiremos hacia adelante", "arreglar hacia adelante"],
    filler:
      "vamos nosotros solo sólo si es necesario en caso de el la los las problema problemas y un una con".split(
        " ",
      ),
  },
  de: {
    none: ["keine", "kein", "keiner", "keines", "nichts", "nein"],
    notApplicable: [
      "nicht zutreffend",
      "entfällt",
      "trifft nicht zu",
      "nicht relevant",
      "nicht anwendbar",
      "nicht nötig",
      "nicht notwendig",
      "nicht erforderlich",
      "k. a.",
      "n. v.",
      "n. z.",
    ],
    seeAbove: ["siehe oben", "wie oben", "s. o.", "siehe beschreibung"],
    alone: ["folgt", "später", "ausstehend", "kommt noch"],
    deferred: ["wird nachgereicht", "wird ergänzt", "reiche ich nach", "folgt später"],
    fixForward: ["vorwärts fixen", "vorwärts beheben", "vorwärts korrigieren", "nach vorne fixen"],
    filler:
      "wir werden würden einfach im fehlerfall falls nötig notwendig es den die das fehler dann und bei problemen ggf".split(
        " ",
      ),
  },
  fr: {
    none: ["aucun", "aucune", "rien", "non", "néant"],
    notApplicable: ["sans objet", "non applicable", "non pertinent", "pas applicable", "ne s'applique pas"],
    seeAbove: ["voir ci-dessus", "voir plus haut", "cf. ci-dessus", "comme ci-dessus", "idem"],
    alone: ["plus tard", "à venir", "en attente"],
    deferred: ["à définir", "a definir", "à compléter", "a completer", "sera ajouté"],
    fixForward: ["corriger en avant", "correctif en avant", "corrigerons en avant"],
    filler:
      "nous on allons va simplement si nécessaire le la les un une problème problèmes et en cas de avec par".split(
        " ",
      ),
  },
};

const LANGUAGES = Object.keys(NON_ANSWERS) as Language[];
const all = (pick: (n: NonAnswers) => string[]) =>
  [...new Set(LANGUAGES.flatMap((l) => pick(NON_ANSWERS[l]).map(comparable)))].filter((p) => p !== "");

/** Chinese and Japanese script, written without spaces between words (Korean is written with spaces). */
const UNSPACED = "[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}]";
const UNSPACED_RE = new RegExp(UNSPACED, "u");
const UNSPACED_END_RE = new RegExp(`${UNSPACED}$`, "u");
const CJK_RUN_RE = new RegExp(`${UNSPACED}+`, "gu");

/**
 * Words in folded text; a run of Chinese or Japanese characters, written without spaces, counts one word per two
 * characters (Korean is written with spaces and counts like any other language).
 */
export function countWords(text: string): number {
  let n = 0;
  for (const w of text.split(" ")) {
    if (w === "") continue;
    const cjk = w.match(CJK_RUN_RE)?.join("") ?? "";
    n += cjk.length === 0 ? 1 : Math.ceil(cjk.length / 2) + (w.length > cjk.length ? 1 : 0);
  }
  return n;
}

/** Longest first, so "not applicable" wins over "no" and "該当なし" over "なし". */
function starts(phrases: string[]): (text: string) => string | null {
  // A spaced-language phrase must end at a word end; a CJK phrase may run into the next character.
  const sorted = [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((p) => ({ p, runsOn: UNSPACED_END_RE.test(p) }));
  return (text) => {
    for (const { p, runsOn } of sorted) {
      if (!text.startsWith(p)) continue;
      const next = text[p.length];
      if (next === undefined || next === " " || runsOn) return text.slice(p.length).trim();
    }
    return null;
  };
}

/** Whole answers that say nothing, in every language of the alias table. */
export const STOCK: ReadonlySet<string> = new Set([
  ...all((n) => [...n.none, ...n.notApplicable, ...n.seeAbove, ...n.alone, ...n.deferred]),
  "tbd tbd",
  "to be defined",
  "to be determined",
]);

const NONE_WORDS = all((n) => [...n.none, ...n.notApplicable]);
/** The reason after "N/A" / "Nicht zutreffend" / "該当なし", or null when the answer does not start with one. */
export const notApplicableReason = starts(NONE_WORDS);
/** Latin and Korean phrases are whole words between spaces; Chinese and Japanese ones are removed wherever they stand. */
const NONE_SPACED = new Set(NONE_WORDS.filter((p) => !UNSPACED_RE.test(p)));
const NONE_CJK = NONE_WORDS.filter((p) => UNSPACED_RE.test(p)).sort((a, b) => b.length - a.length);

/** Folded text without the non-answer words in it ("no", "keine", "ありません"): they say again that nothing applies. */
export function withoutNonAnswerWords(text: string): string {
  let rest = ` ${text} `;
  for (const p of NONE_SPACED) rest = rest.replaceAll(` ${p} `, "  ");
  for (const p of NONE_CJK) rest = rest.replaceAll(p, " ");
  return rest.replace(/\s+/g, " ").trim();
}

/** What follows "see above" / "siehe oben" / "同上", or null. */
export const afterPointer = starts(all((n) => n.seeAbove));
/** What follows "TBD" / "wird nachgereicht" / "未定", or null. */
export const afterDeferral = starts(all((n) => n.deferred));

/**
 * A reason of this many words or more turns "N/A" into a reasoned "does not apply" ("N/A: docs-only change");
 * fewer ("N/A docs", "N/A docs only") is still a non-answer. The same count lets words follow "see above".
 */
export const MIN_REASON_WORDS = 3;

/** Phrases in spaced scripts match whole words; CJK phrases match anywhere. */
const FIX_FORWARD = all((n) => n.fixForward).map((p) => ({ p, anywhere: /[^\s\p{Script=Latin}]/u.test(p) }));
const FILLER = new Set(all((n) => n.filler));
const CJK_FILLER = LANGUAGES.flatMap((l) => NON_ANSWERS[l].filler).filter((f) =>
  /[^\p{Script=Latin}]/u.test(f),
);

/** Whether a rollback answer only says to fix forward: the phrase, and fewer than three words of anything else. */
export function onlyFixesForward(text: string): boolean {
  const padded = ` ${text} `;
  const hit = FIX_FORWARD.find(({ p, anywhere }) =>
    anywhere ? text.includes(p) : padded.includes(` ${p} `),
  );
  if (!hit) return false;
  let rest = text.replace(hit.p, " ");
  for (const f of CJK_FILLER) rest = rest.replaceAll(f, " ");
  const steps = rest.split(" ").filter((w) => w !== "" && !FILLER.has(w));
  return countWords(steps.join(" ")) < 3;
}
