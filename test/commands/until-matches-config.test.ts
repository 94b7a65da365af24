// One rule for a date-only end: `/freeze until <date>` ends where a config freeze `to: "<date>"` ends.
import { describe, expect, it } from "vitest";
import { parseCommand } from "../../src/core/commands/index.js";
import { configSchema } from "../../src/core/config/schema.js";
import { evaluateSchedule } from "../../src/core/schedule/index.js";

const ZONES = [
  "Europe/Berlin",
  "America/New_York",
  "Asia/Kathmandu",
  "Australia/Lord_Howe",
  "America/Santiago",
];
const DATES = ["2027-01-04", "2026-03-28", "2026-10-24", "2026-09-05", "2026-04-04"];

describe("/freeze until <date> and config `to: <date>` end at the same instant", () => {
  for (const timezone of ZONES)
    for (const date of DATES)
      it(`${date} in ${timezone}`, () => {
        const now = new Date("2026-01-02T12:00:00Z");
        const parsed = parseCommand(`/freeze until ${date}`, { now, timezone });
        expect(parsed).toMatchObject({ ok: true, command: { kind: "freeze", wholeDay: date } });
        const until = parsed?.ok && parsed.command.kind === "freeze" ? parsed.command.until : null;
        const config = configSchema.parse({
          timezone,
          freezes: [{ name: "Year end", from: "2026-01-01", to: date }],
        });
        const result = evaluateSchedule({ config, environment: null }, now);
        expect(result).toMatchObject({ open: false, reason: "freeze" });
        expect(until).toBe(result.freeze?.until);
      });
});
