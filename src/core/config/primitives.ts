import { z } from "zod";
import {
  cronError,
  dateTimeError,
  durationError,
  globError,
  isTimeZone,
  parseClock,
  parseDays,
} from "./values.js";

export {
  cronError,
  type DateTimeLike,
  type Duration,
  dateTimeError,
  durationError,
  globError,
  isTimeZone,
  MAX_RULE_DURATION_DAYS,
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

export const durationSpec = z.string().superRefine((v, ctx) => {
  const err = durationError(v);
  if (err) ctx.addIssue({ code: "custom", message: err });
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
