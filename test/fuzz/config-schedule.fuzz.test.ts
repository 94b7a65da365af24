import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/core/config/load.js";
import { evaluateSchedule } from "../../src/core/schedule/index.js";
import { FUZZ, Slowest } from "./runs.js";

const slowest = new Slowest();
const zones = Intl.supportedValuesOf("timeZone");

const BASE = `timezone: Europe/Berlin
windows:
  - { days: Mon-Thu, start: "09:00", end: "16:00" }
  - { cron: "0 9 * * 5", duration: 3h }
freezes:
  - { name: Year end, cron: "0 0 20 12 *", duration: 15d }
  - { name: Nights, days: daily, start: "22:00", end: "06:00" }
risk:
  rules:
    - { paths: ["migrations/**"], level: high }
`;

describe("fuzz: config files", () => {
  it("mutated YAML never throws: it is valid or has positioned errors", () => {
    const edit = fc.record({ at: fc.nat(), cut: fc.nat({ max: 20 }), insert: fc.string({ maxLength: 20 }) });
    fc.assert(
      fc.property(edit, ({ at, cut, insert }) => {
        const i = at % (BASE.length + 1);
        const text = BASE.slice(0, i) + insert + BASE.slice(i + cut);
        const r = loadConfig(text, "c.yml");
        if (!r.ok)
          for (const e of r.errors) {
            expect(e.line).toBeGreaterThanOrEqual(1);
            expect(e.column).toBeGreaterThanOrEqual(1);
            expect(e.message.length).toBeGreaterThan(0);
          }
      }),
      FUZZ,
    );
  });
});

describe("fuzz: instants and zones", () => {
  afterAll(() =>
    console.log(`schedule fuzz: slowest evaluation ${slowest.ms.toFixed(1)} ms (${slowest.input})`),
  );

  it("any instant in 1970–2100 in any IANA zone: well-formed, and nextOpen is open", () => {
    const input = fc.record({
      ms: fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) }),
      zone: fc.constantFrom(...zones),
    });
    fc.assert(
      fc.property(input, ({ ms, zone }) => {
        const r = loadConfig(BASE.replace("Europe/Berlin", zone), "c.yml");
        if (!r.ok) return; // a zone Intl lists but Temporal rejects is a config error, covered above
        const at = new Date(ms);
        const result = slowest.time(`${zone} ${at.toISOString()}`, () =>
          evaluateSchedule({ config: r.config }, at),
        );
        expect(typeof result.open).toBe("boolean");
        if (result.open) expect(result.nextOpen).toBe(at.toISOString());
        if (result.nextOpen)
          expect(evaluateSchedule({ config: r.config }, new Date(result.nextOpen)).open).toBe(true);
        if (result.closesAt)
          expect(evaluateSchedule({ config: r.config }, new Date(result.closesAt)).open).toBe(false);
      }),
      { ...FUZZ, numRuns: Math.max(20, Math.floor(FUZZ.numRuns / 2)) },
    );
  });
});
