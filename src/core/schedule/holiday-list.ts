import type Holidays from "date-holidays";
import type { HolidayRule } from "../config/schema.js";
import { holidayLibrary } from "./holiday-library.js";
import { DAY, fromWall } from "./wall-time.js";

/** One holiday occurrence as a freeze interval (instants, end exclusive). */
export interface HolidayInterval {
  start: number;
  end: number;
  name: string;
}

const MAX_ENTRIES = 2_000;
const calendars = new Map<string, Holidays>();
const years = new Map<string, HolidayInterval[]>();

function calendar(country: string, region: string | undefined): Holidays {
  const key = `${country}/${region ?? ""}`;
  let hd = calendars.get(key);
  if (!hd) {
    const Library = holidayLibrary();
    hd = region ? new Library(country, region) : new Library(country);
    calendars.set(key, hd);
  }
  return hd;
}

/** Null when date-holidays knows the country (and region); else the key at fault and an error text for `validate`. */
export function holidayConfigError(
  rule: Pick<HolidayRule, "country" | "region">,
): { key: "country" | "region"; message: string } | null {
  const hd = new (holidayLibrary())();
  const countries = hd.getCountries() ?? {};
  const country = rule.country.toUpperCase();
  if (!Object.hasOwn(countries, country))
    return { key: "country", message: `unknown country "${rule.country}"` };
  if (rule.region) {
    const states = hd.getStates(country) ?? {};
    if (!Object.hasOwn(states, rule.region.toUpperCase()))
      return {
        key: "region",
        message: `unknown region "${rule.region}" for ${country}; known: ${Object.keys(states).join(", ") || "none"}`,
      };
  }
  return null;
}

const DATE_RE = /^(\d{4})-(\d\d)-(\d\d)(?: (\d\d):(\d\d))?/;

/**
 * The holidays of one calendar year as freezes in `zone`. A holiday freezes its local day(s) from its start time
 * (00:00 except partial days such as an afternoon-only holiday) to the following midnight; multi-day holidays keep
 * their length. With `day_before` the whole previous local day is frozen too ("Day before <name>"). Names are in
 * English where date-holidays has a translation.
 */
export function holidayIntervals(rule: HolidayRule, zone: string, year: number): HolidayInterval[] {
  const key = JSON.stringify([rule.country, rule.region, rule.types, rule.day_before, zone, year]);
  const cached = years.get(key);
  if (cached) return cached;
  const hd = calendar(rule.country.toUpperCase(), rule.region?.toUpperCase());
  const out: HolidayInterval[] = [];
  const types = new Set<string>(rule.types);
  for (const h of hd.getHolidays(year, "en") ?? []) {
    if (!types.has(h.type)) continue;
    const m = DATE_RE.exec(h.date);
    if (!m) continue;
    const day = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    const startWall = day + (Number(m[4] ?? 0) * 60 + Number(m[5] ?? 0)) * 60_000;
    const days = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / DAY));
    out.push({ start: fromWall(startWall, zone), end: fromWall(day + days * DAY, zone), name: h.name });
    if (rule.day_before)
      out.push({ start: fromWall(day - DAY, zone), end: fromWall(day, zone), name: `Day before ${h.name}` });
  }
  out.sort((a, b) => a.start - b.start || a.end - b.end);
  if (years.size > MAX_ENTRIES) years.clear();
  years.set(key, out);
  return out;
}
