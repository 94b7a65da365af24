import { Temporal } from "temporal-polyfill";

const WEEKDAY = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTH = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const formatters = new Map<string, Intl.DateTimeFormat>();

function shortName(ms: number, zone: string, locale: string): string {
  const key = `${locale}|${zone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: "short" });
    formatters.set(key, f);
  }
  return f.formatToParts(ms).find((p) => p.type === "timeZoneName")?.value ?? "";
}

/**
 * The zone abbreviation at an instant ("CET", "EDT", "BST", "UTC"), taken from Intl (en-US, then en-GB). When
 * neither locale has a real abbreviation the numeric offset is used: "UTC+05:45", "UTC+10:30", "UTC-03:00".
 */
export function zoneAbbreviation(ms: number, zone: string, offset: string): string {
  for (const locale of ["en-US", "en-GB"]) {
    const name = shortName(ms, zone, locale);
    if (name && !/^(?:GMT|UTC)[+-−]/.test(name)) return name;
  }
  return `UTC${offset}`;
}

/** "Mon 5 Jan 09:00 CET": weekday, day, month, 24-hour time and zone abbreviation, in `zone`. */
export function formatWhen(iso: string, zone: string): string {
  const z = Temporal.Instant.from(iso).toZonedDateTimeISO(zone);
  const hh = String(z.hour).padStart(2, "0");
  const mm = String(z.minute).padStart(2, "0");
  const abbr = zoneAbbreviation(z.epochMilliseconds, zone, z.offset);
  return `${WEEKDAY[z.dayOfWeek - 1]} ${z.day} ${MONTH[z.month - 1]} ${hh}:${mm} ${abbr}`;
}

export { MONTH, WEEKDAY };
