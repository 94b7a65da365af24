/** Words that name a rating, stripped before judging whether an answer is only a rating ("Risk level: Medium"). */
const RATING_NAME = new Set(
  "risk risks level rating impact severity sev priority tier score blast radius overall estimated expected assessment class is the of de du des da do very quite relatively risco riesgo nivel nível nivell é es risiko stufe einstufung ist niveau risque est impacto auswirkung auswirkungen".split(
    " ",
  ),
);
const RATING_LEVEL = new Set(
  "low lo medium med moderate mid middle high hi critical minimal minor major small large severe negligible trivial baixo baixa médio média medio media alto alta bajo baja crítico critico crítica niedrig mittel hoch gering kritisch faible moyen moyenne élevé eleve critique 낮음 보통 높음 중간 심각".split(
    " ",
  ),
);
/** CJK rating names and levels, matched inside a run: "リスクレベル中", "风险等级：低". */
const CJK_RATING_NAME_RE =
  /リスク|レベル|影響度|影響|风险|風險|等级|等級|级别|級別|程度|위험도|위험|수준|영향도/gu;
/** "P2", "Sev3", "S1", "Tier 2" written as one word. */
const SHORT_LEVEL_RE = /^(?:p|sev|s|tier)\d$/;
const CJK_RATING_LEVEL_RE = /^(?:低|中|高|小|大|極小|极小)+$/u;

/**
 * An answer that is only a rating ("Medium", "Risk: low", "リスク: 中") names no system and no worst case: it says
 * how big, not what. Any other word makes it an answer.
 */
export function isBareRating(text: string): boolean {
  let level = false;
  let digits = false;
  for (const w of text.split(" ")) {
    if (RATING_LEVEL.has(w) || SHORT_LEVEL_RE.test(w)) level = true;
    else if (RATING_NAME.has(w)) continue;
    else if (/^\d{1,2}$/.test(w)) digits = true;
    else {
      const rest = w.replace(CJK_RATING_NAME_RE, "");
      if (rest === "") continue;
      if (!CJK_RATING_LEVEL_RE.test(rest)) return false;
      level = true;
    }
  }
  // Nothing but a number, a level and the rating's own name ("Risk level: 3", "Medium (2/5)") is still a rating.
  return level || digits;
}
