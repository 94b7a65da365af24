/** Time as the Action sees it; passed in, never read inside decisions. */
export interface Clock {
  now(): Date;
  sleep(ms: number): Promise<void>;
}

/**
 * The only clock `dist/action.js` runs on. Nothing a workflow sets (env, inputs, files) can replace it: tests give
 * `run` another clock through `dist/action-api.js`, from code of their own.
 */
export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
