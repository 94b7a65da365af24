/** Seeded, reproducible fuzzing: a modest count in `npm test`, a long run with `npm run fuzz` (FUZZ_RUNS). */
export const FUZZ = {
  seed: Number(process.env.FUZZ_SEED ?? 20261124),
  numRuns: Number(process.env.FUZZ_RUNS ?? 150),
};

/** Slowest input seen by a property, reported (never asserted by wall clock). */
export class Slowest {
  ms = 0;
  input = "";
  time<T>(input: string, fn: () => T): T {
    const t = performance.now();
    const out = fn();
    const ms = performance.now() - t;
    if (ms > this.ms) {
      this.ms = ms;
      this.input = input.slice(0, 80);
    }
    return out;
  }
}
