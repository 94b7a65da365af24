export {
  type ChangeDecider,
  type ChangeFacts,
  changeDecider,
  decideChange,
  scheduleOnlyFacts,
} from "./change-facts.js";
export {
  type ChangeInput,
  type CheckReport,
  type Conclusion,
  evaluateChange,
  type GateDecision,
  type GateRule,
  type Override,
} from "./evaluate-change.js";
export { descriptionSkipReason, isBotAccount, type PullRequestFacts, pullRequestFacts } from "./skip.js";
