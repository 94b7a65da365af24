import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCommand } from "../../src/core/commands/index.js";
import { FUZZ } from "./runs.js";

const NOW = new Date("2026-11-24T10:00:00Z");
const noise = fc.oneof(
  fc.constantFrom(
    "/freeze",
    "/unfreeze",
    "/freeze status",
    "/override",
    "for 2h",
    "until 2026-12-01 09:00",
    "env production",
    "> ",
    "```",
    "\u2215freeze",
    "\uFF0Ffreeze",
    "/fr\u200beeze",
    "\r\n",
    "\n",
    " ",
    "!",
    ".",
  ),
  fc.string({ maxLength: 30 }),
);
const comment = fc.array(noise, { maxLength: 20 }).map((p) => p.join(""));

describe("fuzz: comments with commands and noise", () => {
  it("never throws; a result is null, a command, or an error with usage", () => {
    fc.assert(
      fc.property(
        comment,
        fc.constantFrom("UTC", "Europe/Berlin", "Australia/Lord_Howe", "Asia/Kathmandu"),
        (body, timezone) => {
          const r = parseCommand(body, { now: NOW, timezone });
          if (r === null) return;
          if (r.ok) expect(["freeze", "unfreeze", "freeze-status", "override"]).toContain(r.command.kind);
          else {
            expect(r.error.length).toBeGreaterThan(0);
            expect(r.usage.length).toBeGreaterThan(0);
          }
        },
      ),
      FUZZ,
    );
  });

  it("a freeze's until is always in the future", () => {
    fc.assert(
      fc.property(comment, (body) => {
        const r = parseCommand(`/freeze ${body}`, { now: NOW, timezone: "UTC" });
        if (r?.ok && r.command.kind === "freeze" && r.command.until)
          expect(Date.parse(r.command.until)).toBeGreaterThan(NOW.getTime());
      }),
      FUZZ,
    );
  });
});
