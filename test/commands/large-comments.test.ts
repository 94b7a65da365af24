import { describe, expect, it } from "vitest";
import { COMMAND_USAGE, parseCommand, USAGE } from "../../src/core/commands/index.js";

const options = { now: new Date("2026-11-20T10:00:00.000Z"), timezone: "Europe/Berlin" };
const KB60 = 60 * 1024;

interface Row {
  name: string;
  body: string;
  expected: unknown;
}

const rows: Row[] = [
  {
    name: "command line followed by 60 KB of text",
    body: `/freeze for 2h Black Friday\n${"lorem ipsum dolor sit amet ".repeat(KB60 / 27)}`,
    expected: {
      ok: true,
      command: {
        kind: "freeze",
        until: "2026-11-20T12:00:00.000Z",
        duration: "2h",
        environment: null,
        reason: "Black Friday",
      },
    },
  },
  {
    name: "60 KB of quoted lines, then the command",
    body: `${"> quoted text of a long discussion\n".repeat(KB60 / 35)}\n/unfreeze env production`,
    expected: { ok: true, command: { kind: "unfreeze", environment: "production", reason: null } },
  },
  {
    name: "a single 60 KB line after /freeze: reason too long",
    body: `/freeze ${"a ".repeat(KB60 / 2)}`,
    expected: {
      ok: false,
      error: "the reason is 61439 characters long; keep it to 500",
      usage: USAGE.freeze,
    },
  },
  {
    name: "a single 60 KB word that starts like a command",
    body: `/freeze${"e".repeat(KB60)}`,
    expected: null,
  },
  {
    name: "60 KB of trailing punctuation",
    body: `/freeze${"!".repeat(KB60)}x`,
    expected: null,
  },
  {
    name: "60 KB code fence",
    body: `\`\`\`\n${"/freeze\n".repeat(KB60 / 8)}\`\`\``,
    expected: null,
  },
  {
    name: "60 KB of prose without a command",
    body: "word ".repeat(KB60 / 5),
    expected: null,
  },
  {
    name: "60 KB of look-alike slashes",
    body: "∕".repeat(KB60),
    expected: null,
  },
];

describe("parseCommand on 60 KB comments", () => {
  it.each(rows)("$name", ({ body, expected }) => {
    expect(body.length).toBeGreaterThan(KB60 - 100);
    const started = performance.now();
    const result = parseCommand(body, options);
    const elapsed = performance.now() - started;
    expect(result).toStrictEqual(expected);
    expect(elapsed).toBeLessThan(250);
  });
});

describe("COMMAND_USAGE", () => {
  it("lists every command with an example", () => {
    for (const text of [
      "/freeze [for",
      "/freeze status",
      "/unfreeze",
      "/override <reason>",
      "Examples:",
      "Example:",
    ]) {
      expect(COMMAND_USAGE).toContain(text);
    }
    for (const usage of Object.values(USAGE)) expect(COMMAND_USAGE).toContain(usage);
  });
});
