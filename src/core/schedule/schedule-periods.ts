import { type CompiledSchedule, compileQuery } from "./compile-query.js";
import type { Interval } from "./rule-source.js";
import type { Period, ScheduleQuery, ScheduleReason } from "./types.js";

/** A period in epoch ms (internal form of `Period`). */
export interface RawPeriod {
  start: number;
  end: number;
  open: boolean;
  reason: ScheduleReason;
  rule: string | null;
  /** The deciding interval (freeze or window), when there is one. */
  decider?: Interval;
}

/**
 * The covering intervals of one kind, as a heap ordered like `decider` (latest end first, then first declared, then
 * first started), so each cut finds its decider in O(log n): many long, overlapping cron intervals stay n log n.
 */
class Covering {
  private heap: { i: Interval; seq: number }[] = [];
  private static before(a: { i: Interval; seq: number }, b: { i: Interval; seq: number }): boolean {
    if (a.i.end !== b.i.end) return a.i.end > b.i.end;
    if (a.i.source.order !== b.i.source.order) return a.i.source.order < b.i.source.order;
    return a.seq < b.seq;
  }
  /** `seq` grows with the interval's start (intervals are added in start order). */
  add(i: Interval, seq: number): void {
    const h = this.heap;
    h.push({ i, seq });
    for (let k = h.length - 1; k > 0; ) {
      const parent = (k - 1) >> 1;
      if (!Covering.before(h[k]!, h[parent]!)) break;
      [h[k], h[parent]] = [h[parent]!, h[k]!];
      k = parent;
    }
  }
  /** The decider at t. Intervals that ended by t leave lazily: any that ends later sorts above them. */
  at(t: number): Interval | undefined {
    const h = this.heap;
    while (h.length > 0 && h[0]!.i.end <= t) {
      const last = h.pop()!;
      if (h.length === 0) break;
      h[0] = last;
      for (let k = 0; ; ) {
        const l = 2 * k + 1;
        const r = l + 1;
        let best = k;
        if (l < h.length && Covering.before(h[l]!, h[best]!)) best = l;
        if (r < h.length && Covering.before(h[r]!, h[best]!)) best = r;
        if (best === k) break;
        [h[k], h[best]] = [h[best]!, h[k]!];
        k = best;
      }
    }
    return h[0]?.i;
  }
}

/** Consecutive periods covering [from, to); neighbours with the same state and rule are merged. */
export function rawPeriods(compiled: CompiledSchedule, from: number, to: number): RawPeriod[] {
  if (!(to > from)) return [];
  const all: Interval[] = [];
  for (const s of compiled.freezes) all.push(...s.intervals(from, to));
  if (compiled.windows) for (const s of compiled.windows) all.push(...s.intervals(from, to));
  const cuts = new Set<number>([from, to]);
  for (const i of all) {
    if (i.start > from && i.start < to) cuts.add(i.start);
    if (i.end > from && i.end < to) cuts.add(i.end);
  }
  const bounds = [...cuts].sort((a, b) => a - b);
  all.sort((a, b) => a.start - b.start);
  const out: RawPeriod[] = [];
  const freezes = new Covering();
  const windows = new Covering();
  let next = 0;
  for (let k = 0; k + 1 < bounds.length; k++) {
    const t = bounds[k]!;
    while (next < all.length && all[next]!.start <= t) {
      const i = all[next]!;
      (i.source.kind === "freeze" ? freezes : windows).add(i, next++);
    }
    const freeze = freezes.at(t);
    const window = windows.at(t);
    let p: RawPeriod;
    if (freeze)
      p = {
        start: t,
        end: bounds[k + 1]!,
        open: false,
        reason: freeze.source.why === "holiday" ? "holiday" : "freeze",
        rule: freeze.name,
        decider: freeze,
      };
    else if (!compiled.windows)
      p = { start: t, end: bounds[k + 1]!, open: true, reason: "always", rule: null };
    else if (window)
      p = { start: t, end: bounds[k + 1]!, open: true, reason: "window", rule: window.name, decider: window };
    else p = { start: t, end: bounds[k + 1]!, open: false, reason: "outside-window", rule: null };
    const last = out[out.length - 1];
    if (last && last.open === p.open && last.reason === p.reason && last.rule === p.rule) last.end = p.end;
    else out.push(p);
  }
  return out;
}

/** Consecutive, gap-free periods covering [from, to), each with its state, reason and deciding rule. */
export function schedulePeriods(query: ScheduleQuery, from: Date, to: Date): Period[] {
  return rawPeriods(compileQuery(query), from.getTime(), to.getTime()).map((p) => ({
    start: new Date(p.start).toISOString(),
    end: new Date(p.end).toISOString(),
    open: p.open,
    reason: p.reason,
    rule: p.rule,
  }));
}
