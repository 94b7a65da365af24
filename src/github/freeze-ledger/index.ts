export { LEDGER_LABEL } from "./block.js";
export { type ClosedFreeze, closeExpiredFreezes } from "./close-expired.js";
export { type DeclaredFreeze, declareFreeze, type FreezeDeclaration } from "./declare.js";
export { type FreezeLift, type LiftedFreeze, liftFreeze, liftFreezes } from "./lift.js";
export type { LedgerIssue } from "./list-ledger.js";
export {
  type BatchPullRequest,
  type LedgerAudit,
  type OverrideApproval,
  type OverrideBatch,
  overrideBatch,
  readOverride,
  recordOverride,
  recordOverrideInLedger,
} from "./override.js";
export { orgLedgerRepo, readActiveFreezes, readLedgerChange } from "./read-active.js";
