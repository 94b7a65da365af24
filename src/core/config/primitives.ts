import { z } from "zod";
import {
  cronError,
  dateTimeError,
  globError,
  isTimeZone,
  parseClock,
  parseDays,
  parseDuration,
} from "./values.js";

export {
  cronError,
  type DateTimeLike,
  type Duration,
  dateTimeError,
  globError,
  isTimeZone,
  parseClock,
  parseDateTimeLike,
  parseDays,
  parseDuration,
  parseFreezeEnd,
  WEEKDAYS,
} from "./values.js";

/* ---------- zod types built on the primitives ---------- */

export const clockTime = (what: string) =>
  z.string().refine((v) => parseClock(v) !== null, {
    message: `${what} must be a time HH:MM from 00:00 to 24:00`,
  });

export const daysSpec = z.union([z.string(), z.array(z.string()).min(1)]).superRefine((v, ctx) => {
  const text = Array.isArray(v) ? v.join(",") : v;
  const r = parseDays(text);
  if (typeof r === "string") ctx.addIssue({ code: "custom", message: `days: ${r}` });
});

export const durationSpec = z.string().refine((v) => parseDuration(v) !== null, {
  message: "duration must be a positive length like 90m, 3h, 1h30m, 2d or 1w (h/m exact, d/w calendar)",
});

export const timeZone = z.string().refine(isTimeZone, {
  message: "unknown time zone; use an IANA name such as Europe/Berlin or America/New_York",
});

export const cronSpec = z.string().superRefine((v, ctx) => {
  const err = cronError(v);
  if (err) ctx.addIssue({ code: "custom", message: err });
});

export const globSpec = z.string().superRefine((v, ctx) => {
  const err = globError(v);
  if (err) ctx.addIssue({ code: "custom", message: err });
});

export const dateTimeSpec = z.string().superRefine((v, ctx) => {
  const err = dateTimeError(v);
  if (err) ctx.addIssue({ code: "custom", message: err });
});
