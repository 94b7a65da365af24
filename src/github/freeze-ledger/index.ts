export { LEDGER_LABEL } from "./block.js";
export { type ClosedFreeze, closeExpiredFreezes } from "./close-expired.js";
export { type DeclaredFreeze, declareFreeze, type FreezeDeclaration } from "./declare.js";
export { type FreezeLift, type LiftedFreeze, liftFreeze } from "./lift.js";
export { type OverrideApproval, readOverride, recordOverride } from "./override.js";
export { orgLedgerRepo, readActiveFreezes } from "./read-active.js";
