import { Cron } from "croner";

/**
 * Fires of a 5-field cron expression as *wall-clock* times (wall ms, see wall-time.ts).
 *
 * croner matches the pattern on the UTC calendar, which we use as a zone-free wall clock; the caller maps each wall
 * fire to an instant with Temporal ("compatible"). This keeps DESIGN §4's DST rule (a fire inside a gap shifts forward
 * by the gap, an ambiguous fire takes the earlier instant, once) instead of croner's own zone handling, which moves
 * gap fires to the end of the gap. Day-of-month and day-of-week use croner's default OR semantics when both are
 * restricted (like Vixie cron: "0 9 1 * 5" fires on the 1st and on every Friday).
 */
interface FireCache {
  cron: Cron;
  /** Every fire in [from, to) is in `fires`, sorted. */
  from: number;
  to: number;
  fires: number[];
}

const MAX_CRONS = 500;
const cache = new Map<string, FireCache>();

function scan(cron: Cron, from: number, to: number): { fires: number[]; reached: number } {
  const fires: number[] = [];
  let cursor = new Date(from - 1000);
  for (;;) {
    const next = cron.nextRun(cursor);
    if (!next) return { fires, reached: Number.POSITIVE_INFINITY };
    const t = next.getTime();
    if (t >= to) {
      // No fire in [from, t); t itself is a fire: keep it so the covered range extends to t + 1.
      fires.push(t);
      return { fires, reached: t + 1 };
    }
    fires.push(t);
    cursor = next;
  }
}

/** Wall-clock fires f with from <= f < to, sorted. */
export function cronFires(expr: string, from: number, to: number): number[] {
  let entry = cache.get(expr);
  if (!entry) {
    if (cache.size > MAX_CRONS) cache.clear();
    const cron = new Cron(expr, { paused: true, timezone: "UTC", mode: "5-part" });
    const { fires, reached } = scan(cron, from, to);
    entry = { cron, from, to: reached, fires };
    cache.set(expr, entry);
  }
  if (from < entry.from) {
    const { fires } = scan(entry.cron, from, entry.from);
    const before = fires.filter((f) => f < entry!.from);
    entry.fires = before.concat(entry.fires);
    entry.from = from;
  }
  if (to > entry.to) {
    const { fires, reached } = scan(entry.cron, entry.to, to);
    const last = entry.fires[entry.fires.length - 1];
    for (const f of fires) if (last === undefined || f > last) entry.fires.push(f);
    entry.to = reached;
  }
  const out: number[] = [];
  const fires = entry.fires;
  let lo = 0;
  let hi = fires.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (fires[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < fires.length && fires[i]! < to; i++) out.push(fires[i]!);
  return out;
}
