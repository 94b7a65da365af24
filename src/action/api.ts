// `dist/action-api.js`: the Action as functions, for a harness that supplies its own clock (change-gate's tests run
// the bundle this way). `dist/action.js` is the runner's entry and always runs on the system clock.
export type { Clock } from "./clock.js";
export { failClosed } from "./fail-closed.js";
export { run } from "./run.js";
