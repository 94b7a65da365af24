// Fail-closed audit of the CLI: a core step that throws is never exit code 0 — neither from `main` nor from the
// entry point, which turns any rejection into exit code 1.
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.js";
import { tempFile } from "../cli/helpers.js";
import { pathCounter } from "./app-fake.js";

const boom = vi.hoisted(() => ({ at: null as string | null }));
function explode(name: string): void {
  if (boom.at === name) throw new Error(`${name} exploded`);
}
// Mocked where they are defined, so every caller (the shared decideChange too) goes through the mock.
vi.mock("../../src/core/policy/evaluate-change.js", async (importOriginal) => {
  const m = await importOriginal<typeof import("../../src/core/policy/evaluate-change.js")>();
  return {
    ...m,
    evaluateChange: (...a: Parameters<typeof m.evaluateChange>) => {
      explode("evaluateChange");
      return m.evaluateChange(...a);
    },
  };
});
vi.mock("../../src/core/render/index.js", async (importOriginal) => {
  const m = await importOriginal<typeof import("../../src/core/render/index.js")>();
  return {
    ...m,
    renderText: (...a: Parameters<typeof m.renderText>) => {
      explode("renderText");
      return m.renderText(...a);
    },
  };
});
vi.mock("../../src/core/description/index.js", async (importOriginal) => {
  const m = await importOriginal<typeof import("../../src/core/description/index.js")>();
  return {
    ...m,
    readTemplates: (...a: Parameters<typeof m.readTemplates>) => {
      explode("readTemplates");
      return m.readTemplates(...a);
    },
  };
});
vi.mock("../../src/core/config/load.js", async (importOriginal) => {
  const m = await importOriginal<typeof import("../../src/core/config/load.js")>();
  return {
    ...m,
    loadConfigAsync: (...a: Parameters<typeof m.loadConfigAsync>) => {
      explode("loadConfigAsync");
      return m.loadConfigAsync(...a);
    },
  };
});
vi.mock("../../src/core/schedule/index.js", async (importOriginal) => {
  const m = await importOriginal<typeof import("../../src/core/schedule/index.js")>();
  return {
    ...m,
    renderExplain: (...a: Parameters<typeof m.renderExplain>) => {
      explode("renderExplain");
      return m.renderExplain(...a);
    },
    renderCalendar: (...a: Parameters<typeof m.renderCalendar>) => {
      explode("renderCalendar");
      return m.renderCalendar(...a);
    },
  };
});

const counter = pathCounter("cli");
afterAll(counter.report);
afterEach(() => {
  boom.at = null;
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

const NOW = new Date("2026-11-24T10:00:00Z");
const CONFIG = tempFile("change-gate.yml", "timezone: UTC\n");
const BODY = tempFile(
  "body.md",
  "## Rollback plan\nRevert and redeploy v1.2.\n\n## Blast radius\nOnly the docs site.\n",
);
const TEMPLATE = tempFile("template.md", "## Rollback plan\n\n## Blast radius\n");

/** `main` in-process: the exit code it returns, or the error it rejects with (the entry point's job). */
async function cli(argv: string[]): Promise<number | Error> {
  return main(argv, { out: () => {}, err: () => {}, now: NOW }).catch((e: unknown) => e as Error);
}

const ROWS = counter.add([
  {
    name: "check: config loading throws → exit ≠ 0",
    at: "loadConfigAsync",
    argv: ["check", "--config", CONFIG, "--body", BODY],
  },
  {
    name: "check: template parsing throws → exit ≠ 0",
    at: "readTemplates",
    argv: ["check", "--body", BODY, "--template", TEMPLATE],
  },
  {
    name: "check: policy evaluation throws → exit ≠ 0",
    at: "evaluateChange",
    argv: ["check", "--body", BODY],
  },
  { name: "check: report rendering throws → exit ≠ 0", at: "renderText", argv: ["check", "--body", BODY] },
  {
    name: "validate: config loading throws → exit ≠ 0",
    at: "loadConfigAsync",
    argv: ["validate", "--config", CONFIG],
  },
  {
    name: "explain: timeline rendering throws → exit ≠ 0",
    at: "renderExplain",
    argv: ["explain", "--config", CONFIG],
  },
  {
    name: "calendar: feed rendering throws → exit ≠ 0",
    at: "renderCalendar",
    argv: ["calendar", "--config", CONFIG],
  },
]);

describe("CLI", () => {
  it.each([
    ["check", ["check", "--config", CONFIG, "--body", BODY, "--template", TEMPLATE]],
    ["validate", ["validate", "--config", CONFIG]],
    ["explain", ["explain", "--config", CONFIG]],
    ["calendar", ["calendar", "--config", CONFIG]],
  ])("baseline: %s exits 0", async (_name, argv) => {
    expect(await cli(argv)).toBe(0);
  });

  it.each(ROWS)("$name", async ({ at, argv }) => {
    boom.at = at;
    const result = await cli(argv);
    // Either main reports a non-zero code, or it rejects and the entry point sets exit code 1.
    if (typeof result === "number") expect(result).not.toBe(0);
    else expect(result.message).toBe(`${at} exploded`);
  });

  it.each(
    counter.add(
      ROWS.map((r) => ({ ...r, name: `entry point: ${r.name.replace("exit ≠ 0", "exit code 1")}` })),
    ),
  )("$name", async ({ at, argv }) => {
    boom.at = at;
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const argvBefore = process.argv;
    process.argv = [process.execPath, "change-gate", ...argv];
    try {
      vi.resetModules();
      await import("../../src/cli/index.js");
      await vi.waitFor(() => expect(process.exitCode).toBeDefined());
    } finally {
      process.argv = argvBefore;
    }
    expect(process.exitCode).toBe(1);
    expect(stderr.mock.calls.map(([t]) => String(t)).join("")).toContain(
      `change-gate: internal error: Error: ${at} exploded`,
    );
  });
});
