import type { Block } from "./blocks.js";
import { comparable } from "./normalize.js";

/**
 * How instructions to the author open, in the languages of the alias table: an imperative ("Describe…", "Beschreibe…",
 * "Descreva…", "Décrivez…"), a request ("Please…", "Bitte…", "Veuillez…") or a question word ("How…", "Wie…").
 */
const INSTRUCTION_START_RE =
  /^(?:please|pls|describe|explain|list|include|add|provide|mention|summari[sz]e|specify|outline|document|detail|identify|write|link|attach|share|tell|enter|fill|give|insert|replace|how|what|which|why|descreva|descrever|explique|explica|liste|listar|inclua|adicione|informe|indique|detalhe|detalle|detalla|coloque|escreva|escribe|escriba|describa|enumera|enumere|incluya|incluye|añade|agrega|agregue|cómo|qual|quais|cuál|cuáles|qué|por favor|beschreibe|beschreiben|erkläre|erläutere|erläutern|nenne|nennen|liste|füge|gib|trage|bitte|wie|welche|warum|décrivez|décris|décrire|expliquez|listez|indiquez|précisez|ajoutez|mentionnez|merci|veuillez|comment|pourquoi)(?:\s|$)/u;
/** CJK instructions are recognised by their request or writing verbs anywhere in the line. */
const CJK_INSTRUCTION_RE =
  /ください|下さい|記載|記述|記入|書いて|説明して|列挙|してください|请|請|描述|说明|說明|列出|填写|填寫|简述|簡述|작성|설명|기술해|적어|주세요|입력/u;

/**
 * A line that instructs the author, left in place, template or not: quoted or wholly emphasised and instructing or
 * asking, or a plain instruction that ends in a colon waiting for the answer ("Describe the impact:").
 */
export function isPrompt(b: Block): boolean {
  if (b.kind !== "line") return false;
  const c = comparable(b.text);
  const instructs = INSTRUCTION_START_RE.test(c) || CJK_INSTRUCTION_RE.test(c);
  if (b.voice === null) return instructs && /[:：]\s*$/u.test(b.text);
  return instructs || /[?？]\s*$/u.test(b.text);
}

/**
 * Prompts that ask for something only when it applies ("If this touches billing, …", "Is there any impact on
 * operations?"): a part holding only such a prompt may be left as the template had it.
 */
const CONDITIONAL_RE =
  /(?:^|\s)(?:if|whether|optional|optionally|falls|wenn|ob|optionnel|facultatif|opcional|caso|si|se)(?:\s|$)|場合|あれば|かどうか|任意|如果|若有|是否|有无|有無|可选|경우|있다면|있으면|있는지|선택/u;
/** Yes/no questions: "Any impact on …?", "Does this change …?", "影響があるか", "有影响吗". */
const YES_NO_RE =
  /^(?:any|is|are|does|do|did|will|would|can|could|has|have|should|gibt es|hat|ist|sind|wird|há|existe|hay|tiene|y a t il|est ce)\s.*[?？]$|(?:ある|ない|ます)か[?？]?$|吗[?？]?$|(?:나요|니까|습니까)[?？]?$/u;

export function isConditional(line: string): boolean {
  const c = comparable(line);
  const asked = /[?？][\s)）]*$/u.test(line) ? "?" : "";
  return CONDITIONAL_RE.test(c) || YES_NO_RE.test(c + asked);
}
