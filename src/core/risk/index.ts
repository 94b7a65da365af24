export { assessRisk, type ChangedFile, type ChangeFacts, type RiskResult } from "./assess-risk.js";
export { RISK_LEVELS, type RiskLabel, riskLabel, riskLabels } from "./labels.js";
