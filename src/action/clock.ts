/** Time as the Action sees it; passed in, never read inside decisions. */
export interface Clock {
  now(): Date;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * A clock that starts at `start` and moves only when slept on, instantly: a six-hour wait runs in milliseconds.
 * Test-only, selected by `CHANGE_GATE_TEST_NOW` (see docs/action.md); a real run logs a warning when it is set.
 */
export function virtualClock(start: Date): Clock {
  let ms = start.getTime();
  return {
    now: () => new Date(ms),
    sleep: async (delta) => {
      ms += Math.max(0, delta);
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

export const TEST_CLOCK_ENV = "CHANGE_GATE_TEST_NOW";

export function clockFromEnv(env: NodeJS.ProcessEnv): { clock: Clock; virtual: boolean } {
  const start = env[TEST_CLOCK_ENV];
  if (!start) return { clock: systemClock, virtual: false };
  const at = new Date(start);
  if (Number.isNaN(at.getTime()))
    throw new Error(`${TEST_CLOCK_ENV} is "${start}"; expected an ISO 8601 instant`);
  return { clock: virtualClock(at), virtual: true };
}
