import { Cron, CronPattern } from "croner";

/**
 * Fires of a 5-field cron expression as *wall-clock* times (wall ms, see wall-time.ts).
 *
 * croner matches the pattern at UTC offset 0, which we use as a zone-free wall clock; the caller maps each wall
 * fire to an instant with Temporal ("compatible"). This keeps DESIGN §4's DST rule (a fire inside a gap shifts forward
 * by the gap, an ambiguous fire takes the earlier instant, once) instead of croner's own zone handling, which moves
 * gap fires to the end of the gap. Day-of-month and day-of-week use croner's default OR semantics when both are
 * restricted (like Vixie cron: "0 9 1 * 5" fires on the 1st and on every Friday).
 *
 * Bounded work: `validate` refuses a cron that fires more than `MAX_CRON_FIRES_PER_YEAR` times a year (see
 * `cronFiresPerYear`), so a query over a year or two enumerates a bounded number of fires. `cronFires` still refuses
 * (throws, so the gate fails closed) to enumerate more than `MAX_FIRES_PER_CALL` fires, and `cronFireCount` counts
 * every fire enumerated so tests can assert the bound by counting rather than timing.
 */
interface FireCache {
  cron: Cron;
  /** Every fire in [from, to) is in `fires`, sorted. */
  from: number;
  to: number;
  fires: number[];
}

/** A cron rule may fire at most this often (hourly is 8,784 fires in a leap year). */
export const MAX_CRON_FIRES_PER_YEAR = 10_000;
/** Most fires one query may enumerate: a validated rule over the widest query (a year back and a year ahead). */
export const MAX_FIRES_PER_CALL = 3 * MAX_CRON_FIRES_PER_YEAR;

const MAX_CRONS = 500;
const MAX_CACHED_FIRES = 500_000;
const cache = new Map<string, FireCache>();
let cachedFires = 0;
let enumerated = 0;

/** Fires enumerated (croner steps plus fires handed out) since the process started: a work meter for tests. */
export function cronFireCount(): number {
  return enumerated;
}

/** croner at offset 0: a plain wall clock (an IANA "UTC" zone would go through Intl on every step, 13x slower). */
function wallCron(expr: string): Cron {
  return new Cron(expr, { paused: true, utcOffset: 0, mode: "5-part" });
}

function tooDense(expr: string): Error {
  return new Error(
    `cron "${expr}" fires more than ${MAX_FIRES_PER_CALL.toLocaleString("en-US")} times in one query; ` +
      `a cron rule may fire at most ${MAX_CRON_FIRES_PER_YEAR.toLocaleString("en-US")} times a year`,
  );
}

function scan(expr: string, cron: Cron, from: number, to: number): { fires: number[]; reached: number } {
  const fires: number[] = [];
  let cursor = new Date(from - 1000);
  for (;;) {
    const next = cron.nextRun(cursor);
    enumerated++;
    if (!next) return { fires, reached: Number.POSITIVE_INFINITY };
    const t = next.getTime();
    fires.push(t);
    // No fire in [from, t) beyond those kept; t itself is a fire: keep it so the covered range extends to t + 1.
    if (t >= to) return { fires, reached: t + 1 };
    if (fires.length > MAX_FIRES_PER_CALL) throw tooDense(expr);
    cursor = next;
  }
}

function remember(expr: string, entry: FireCache, added: number): void {
  cachedFires += added;
  if (cachedFires > MAX_CACHED_FIRES || cache.size > MAX_CRONS) {
    cache.clear();
    cachedFires = entry.fires.length;
  }
  cache.set(expr, entry);
}

/** Wall-clock fires f with from <= f < to, sorted. */
export function cronFires(expr: string, from: number, to: number): number[] {
  let entry = cache.get(expr);
  if (!entry) {
    const cron = wallCron(expr);
    const { fires, reached } = scan(expr, cron, from, to);
    entry = { cron, from, to: reached, fires };
    remember(expr, entry, fires.length);
  }
  if (from < entry.from) {
    const { fires } = scan(expr, entry.cron, from, entry.from);
    const before = fires.filter((f) => f < entry!.from);
    entry.fires = before.concat(entry.fires);
    entry.from = from;
    remember(expr, entry, before.length);
  }
  if (to > entry.to) {
    const { fires, reached } = scan(expr, entry.cron, entry.to, to);
    const last = entry.fires[entry.fires.length - 1];
    const length = entry.fires.length;
    for (const f of fires) if (last === undefined || f > last) entry.fires.push(f);
    entry.to = reached;
    remember(expr, entry, entry.fires.length - length);
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
  for (let i = lo; i < fires.length && fires[i]! < to; i++) {
    if (out.length >= MAX_FIRES_PER_CALL) throw tooDense(expr);
    out.push(fires[i]!);
  }
  enumerated += out.length;
  return out;
}

/** The leap year whose fires are counted by `cronFiresPerYear` (it has a 29 February, so no date is left out). */
const REFERENCE_YEAR = 2028;
const perYear = new Map<string, number>();

/**
 * How often a valid 5-field cron fires in a year (counted over 2028): the fires of one matching day times the number
 * of matching days. Work is 366 day matches, never one step per fire, and no open-ended search for a next fire.
 */
export function cronFiresPerYear(expr: string): number {
  const known = perYear.get(expr);
  if (known !== undefined) return known;
  const fields = expr.trim().split(/\s+/);
  const pattern = new CronPattern(expr, undefined, { mode: "5-part" });
  const count = (flags: number[]) => flags.reduce((n, f) => n + (f ? 1 : 0), 0);
  const perDay = count(pattern.minute) * count(pattern.hour);
  const days = wallCron(`0 0 ${fields[2]} ${fields[3]} ${fields[4]}`);
  let matched = 0;
  for (let day = Date.UTC(REFERENCE_YEAR, 0, 1); day < Date.UTC(REFERENCE_YEAR + 1, 0, 1); day += 86_400_000)
    if (days.match(new Date(day))) matched++;
  if (perYear.size >= MAX_CRONS) perYear.clear();
  perYear.set(expr, perDay * matched);
  return perDay * matched;
}
