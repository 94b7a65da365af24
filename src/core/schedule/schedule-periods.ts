import { type CompiledSchedule, compileQuery } from "./compile-query.js";
import { decider } from "./evaluate-schedule.js";
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
  let active: Interval[] = [];
  let next = 0;
  for (let k = 0; k + 1 < bounds.length; k++) {
    const t = bounds[k]!;
    while (next < all.length && all[next]!.start <= t) active.push(all[next++]!);
    active = active.filter((i) => i.end > t);
    const freeze = decider(active.filter((i) => i.source.kind === "freeze"));
    const window = decider(active.filter((i) => i.source.kind === "window"));
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
