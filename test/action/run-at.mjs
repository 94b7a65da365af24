// Runs the bundled Action (dist/action-api.js) on a virtual clock: `node run-at.mjs <bundle> <ISO instant>`.
// The clock starts at the instant and moves only when slept on, instantly, so a six-hour wait runs in milliseconds.
// Test-only: the runner starts dist/action.js, which has no way to take a clock from the workflow.
import { pathToFileURL } from "node:url";

const [bundle, start] = process.argv.slice(2);
let ms = Date.parse(start ?? "");
if (!bundle || Number.isNaN(ms)) throw new Error("usage: run-at.mjs <dist/action-api.js> <ISO instant>");
const clock = {
  now: () => new Date(ms),
  sleep: async (delta) => {
    ms += Math.max(0, delta);
    await new Promise((resolve) => setImmediate(resolve));
  },
};
const { run, failClosed } = await import(pathToFileURL(bundle).href);
await run(process.env, clock).catch(failClosed);
