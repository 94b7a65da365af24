import { DAY } from "./wall-time.js";

/** A span of time in epoch ms, `end` exclusive. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Occurrences written as one calendar event: the first occurrence, plus (when `days` is set) a weekly repetition on
 * those UTC weekdays (0 = Sunday, as `Date#getUTCDay`) until `until` (the last start), minus `except` starts.
 */
export interface Series {
  first: Span;
  days?: number[];
  until?: number;
  except?: number[];
}

/** Runs break where occurrences are further apart than this (a DST change moves the UTC time anyway). */
const MAX_GAP = 35 * DAY;

/**
 * The spans minus the blocks (both sorted by start, blocks disjoint): the spans no block touches (`whole`) and what
 * is left of the others (`pieces`), each in order.
 */
export function subtract(spans: readonly Span[], blocks: readonly Span[]): { whole: Span[]; pieces: Span[] } {
  const whole: Span[] = [];
  const pieces: Span[] = [];
  let first = 0;
  for (const span of spans) {
    while (first < blocks.length && blocks[first]!.end <= span.start) first++;
    let cursor = span.start;
    const left: Span[] = [];
    for (let b = first; b < blocks.length && blocks[b]!.start < span.end; b++) {
      const block = blocks[b]!;
      if (block.start > cursor) left.push({ start: cursor, end: block.start });
      cursor = Math.max(cursor, block.end);
    }
    if (cursor < span.end) left.push({ start: cursor, end: span.end });
    if (left.length === 1 && left[0]!.start === span.start && left[0]!.end === span.end) whole.push(span);
    else pieces.push(...left);
  }
  return { whole, pieces };
}

/** Occurrences with the same length and UTC time of day, close enough together to be one weekly series. */
function runs(spans: readonly Span[]): Span[][] {
  const byShape = new Map<string, Span[]>();
  for (const s of spans) {
    const key = `${s.end - s.start}|${((s.start % DAY) + DAY) % DAY}`;
    const list = byShape.get(key);
    if (list) list.push(s);
    else byShape.set(key, [s]);
  }
  const out: Span[][] = [];
  for (const list of byShape.values()) {
    let run: Span[] = [];
    for (const s of list) {
      const last = run[run.length - 1];
      if (last && s.start - last.start > MAX_GAP) {
        out.push(run);
        run = [];
      }
      run.push(s);
    }
    out.push(run);
  }
  return out;
}

/** One weekly series for a run when that is shorter than listing it (fewer exceptions than occurrences). */
function weekly(run: Span[]): Series[] {
  const first = run[0]!;
  const last = run[run.length - 1]!;
  const days = [...new Set(run.map((s) => new Date(s.start).getUTCDay()))].sort((a, b) => a - b);
  const starts = new Set(run.map((s) => s.start));
  const except: number[] = [];
  for (let t = first.start; t <= last.start; t += DAY)
    if (days.includes(new Date(t).getUTCDay()) && !starts.has(t)) except.push(t);
  if (run.length < 3 || except.length >= run.length) return run.map((s) => ({ first: s }));
  return [{ first, days, until: last.start, ...(except.length ? { except } : {}) }];
}

/**
 * Occurrences (sorted by start) as few calendar events as possible: weekly series with exceptions where the
 * occurrences repeat at one UTC time of day, single events otherwise. Expanding the series gives back exactly the
 * occurrences.
 */
export function toSeries(spans: readonly Span[]): Series[] {
  return runs(spans)
    .flatMap(weekly)
    .sort((a, b) => a.first.start - b.first.start);
}
