export {
  type AssessedRisk,
  assessRisk,
  assessRiskFor,
  type ChangedFile,
  type RiskFacts,
  type RiskResult,
} from "./assess-risk.js";
export { RISK_LEVELS, type RiskLabel, riskLabel, riskLabels } from "./labels.js";
