import type { GitHub } from "../github/types.js";

/** Local time further than this from GitHub's `Date` header is treated as skewed. */
export const MAX_SKEW_MS = 60_000;

export interface ClockLog {
  warn(message: string): void;
}

/**
 * The deploy gate's "now": local time, unless GitHub's responses say the local clock is more than a minute off — then
 * GitHub's time, so a skewed host neither approves early nor holds late. Only skews beyond a minute count, since the
 * header has whole seconds and a response takes time to arrive.
 */
export class ServerClock {
  private offsetMs = 0;
  private readonly watched = new WeakSet<object>();

  constructor(
    private readonly local: () => Date,
    private readonly log?: ClockLog,
  ) {}

  now(): Date {
    return new Date(this.local().getTime() + this.offsetMs);
  }

  get skewMs(): number {
    return this.offsetMs;
  }

  /** Read the `Date` header of every response `gh` gets (once per client). */
  watch(gh: GitHub): void {
    if (this.watched.has(gh)) return;
    this.watched.add(gh);
    gh.hook.after("request", (response) => this.observe(response.headers.date));
  }

  observe(dateHeader: string | undefined): void {
    if (!dateHeader) return;
    const server = Date.parse(dateHeader);
    if (Number.isNaN(server)) return;
    const diff = server - this.local().getTime();
    const next = Math.abs(diff) > MAX_SKEW_MS ? diff : 0;
    if (Math.abs(next - this.offsetMs) > MAX_SKEW_MS || (next === 0) !== (this.offsetMs === 0)) {
      if (next !== 0)
        this.log?.warn(
          `local clock is ${Math.round(-diff / 1000)}s off GitHub's Date header; using GitHub's time`,
        );
      else this.log?.warn("local clock agrees with GitHub's Date header again; using local time");
    }
    this.offsetMs = next;
  }
}
