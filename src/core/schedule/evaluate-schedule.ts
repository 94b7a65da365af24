import { type Bake, bakeEnd, bakeOf, firstBakedStart, lastStart } from "./bake.js";
import { type CompiledSchedule, compileQuery } from "./compile-query.js";
import type { Interval, Source } from "./rule-source.js";
import type { ScheduleQuery, ScheduleResult } from "./types.js";
import { DAY } from "./wall-time.js";

/** How far ahead `nextOpen` and `closesAt` are searched. */
export const LOOKAHEAD_DAYS = 366;

interface Block {
  start: number;
  end: number;
}

function collect(sources: Source[], from: number, to: number): Interval[] {
  const all: Interval[] = [];
  for (const s of sources) for (const i of s.intervals(from, to)) all.push(i);
  return all;
}

/** Union of intervals as sorted, disjoint blocks (touching intervals merge). */
export function union(intervals: Interval[]): Block[] {
  const sorted = intervals.slice().sort((a, b) => a.start - b.start);
  const out: Block[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ start: i.start, end: i.end });
  }
  return out;
}

/**
 * Among covering intervals pick the decider: the one that ends last; on a tie the first declared rule.
 * Used for freezes and windows alike, at an instant and for each period.
 */
export function decider(covering: Interval[]): Interval | undefined {
  let best: Interval | undefined;
  for (const i of covering)
    if (!best || i.end > best.end || (i.end === best.end && i.source.order < best.source.order)) best = i;
  return best;
}

/** First open instant >= at from complete data for [at, hi); undefined when not determined before hi. */
function firstOpen(at: number, hi: number, freezes: Block[], windows: Block[] | null): number | undefined {
  let t = at;
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < freezes.length && freezes[i]!.end <= t) i++;
    const f = freezes[i];
    if (f && f.start <= t) {
      t = f.end;
      continue;
    }
    if (windows) {
      while (j < windows.length && windows[j]!.end <= t) j++;
      const w = windows[j];
      if (!w) return undefined;
      if (w.start > t) {
        t = w.start;
        continue;
      }
    }
    return t < hi ? t : undefined;
  }
}

/** When an open gate closes, from complete data for [at, hi); undefined when not determined before hi. */
function firstClose(at: number, hi: number, freezes: Block[], windows: Block[] | null): number | undefined {
  let close = Number.POSITIVE_INFINITY;
  for (const f of freezes)
    if (f.start > at) {
      close = f.start;
      break;
    }
  if (windows) {
    const w = windows.find((b) => b.start <= at && at < b.end);
    if (w) close = Math.min(close, w.end);
  }
  return close < hi ? close : undefined;
}

/** Horizons tried in turn; most answers are settled within the first week, so the year is only built on demand. */
const HORIZONS = [8 * DAY, 64 * DAY, LOOKAHEAD_DAYS * DAY + 1];

export function searchAhead(compiled: CompiledSchedule, at: number, what: "open" | "close"): number | null {
  for (const span of HORIZONS) {
    const hi = at + span;
    const freezes = union(collect(compiled.freezes, at, hi));
    const windows = compiled.windows ? union(collect(compiled.windows, at, hi)) : null;
    const found =
      what === "open" ? firstOpen(at, hi, freezes, windows) : firstClose(at, hi, freezes, windows);
    if (found !== undefined) return found;
  }
  return null;
}

/**
 * When the freeze that `first` belongs to lifts: follows same-rule, same-name intervals that touch or overlap, each
 * step to the latest end among the intervals that started by then, until the horizon. Reads the rule in spans that
 * double (a day, two, four …), so a long chain of short fires costs a few queries, not one per fire.
 */
function freezeUntil(first: Interval, horizon: number): number {
  let end = first.end;
  for (let span = DAY; Number.isFinite(end) && end < horizon; span *= 2) {
    const to = Math.min(horizon, end + span);
    const chain = first.source.intervals(end, to).filter((i) => i.name === first.name);
    let latest = end;
    for (let k = 0; ; ) {
      while (k < chain.length && chain[k]!.start <= end) latest = Math.max(latest, chain[k++]!.end);
      if (latest <= end) break;
      end = latest;
      if (end >= to) break; // the next step needs intervals that start after this span
    }
    if (end < to) break; // every interval that starts before the freeze lifts was in this span
  }
  return end;
}

function iso(ms: number | null): string | null {
  return ms === null || !Number.isFinite(ms) ? null : new Date(ms).toISOString();
}

/** State at one instant from compiled rules (no look-ahead). */
export function stateAt(compiled: CompiledSchedule, at: number): { freeze?: Interval; window?: Interval } {
  const covering = (sources: Source[]) =>
    collect(sources, at, at + 1).filter((i) => i.start <= at && at < i.end);
  const freeze = decider(covering(compiled.freezes));
  const window = compiled.windows ? decider(covering(compiled.windows)) : undefined;
  return { freeze, window };
}

/**
 * Whether a change may be deployed at `at`: open inside a window (or always, with no windows) and outside every
 * freeze. Freezes beat windows. Also answers when the gate next opens and, when open, when it next closes.
 */
export function evaluateSchedule(query: ScheduleQuery, at: Date): ScheduleResult {
  const compiled = compileQuery(query);
  const raw = evaluateCompiled(compiled, at);
  const bake = query.ignoreBake || query.ignoreWindows ? null : bakeOf(query.config, query.environment);
  return bake ? withBake(compiled, raw, at.getTime(), bake) : raw;
}

/**
 * The schedule with a bake time: a deploy may start at t only if it stays open over [t, t + bake] — starts are
 * allowed in [open, close − bake), so `closesAt` is close − bake, and `nextOpen` is the first start a whole bake fits
 * after (`reason: "bake"` when open but too close to the end).
 */
function withBake(compiled: CompiledSchedule, raw: ScheduleResult, t: number, bake: Bake): ScheduleResult {
  const zone = compiled.zone;
  if (raw.open) {
    const close = raw.closesAt === null ? null : Date.parse(raw.closesAt);
    if (close === null || bakeEnd(t, bake, zone) < close)
      return { ...raw, closesAt: iso(close === null ? null : lastStart(close, bake, zone)), bake: bake.text };
    return {
      open: false,
      reason: "bake",
      rule: raw.rule,
      nextOpen: iso(firstBakedStart(compiled, close, bake)),
      closesAt: null,
      timezone: zone,
      bake: bake.text,
    };
  }
  return { ...raw, nextOpen: iso(firstBakedStart(compiled, t, bake)), bake: bake.text };
}

function evaluateCompiled(compiled: CompiledSchedule, at: Date): ScheduleResult {
  const t = at.getTime();
  const timezone = compiled.zone;
  const { freeze, window } = stateAt(compiled, t);
  if (freeze) {
    const until = freezeUntil(freeze, t + LOOKAHEAD_DAYS * DAY);
    const info: NonNullable<ScheduleResult["freeze"]> = { name: freeze.name, until: iso(until) };
    if (freeze.source.reason !== undefined) info.reason = freeze.source.reason;
    if (freeze.source.by !== undefined) info.by = freeze.source.by;
    return {
      open: false,
      reason: freeze.source.why === "holiday" ? "holiday" : "freeze",
      rule: freeze.name,
      nextOpen: iso(searchAhead(compiled, t, "open")),
      closesAt: null,
      timezone,
      freeze: info,
    };
  }
  if (compiled.windows && !window)
    return {
      open: false,
      reason: "outside-window",
      rule: null,
      nextOpen: iso(searchAhead(compiled, t, "open")),
      closesAt: null,
      timezone,
    };
  return {
    open: true,
    reason: window ? "window" : "always",
    rule: window ? window.name : null,
    nextOpen: at.toISOString(),
    closesAt: iso(searchAhead(compiled, t, "close")),
    timezone,
  };
}
