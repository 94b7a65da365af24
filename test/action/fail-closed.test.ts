import { afterEach, describe, expect, it, vi } from "vitest";
import { failClosed, thrownMessage } from "../../src/action/fail-closed.js";

describe("fail closed", () => {
  afterEach(() => {
    process.exitCode = undefined;
    vi.restoreAllMocks();
  });

  it.each([
    [
      new TypeError("Cannot read properties of undefined (reading 'sha')"),
      "Cannot read properties of undefined (reading 'sha')",
    ],
    ["socket hang up", "change-gate failed: socket hang up"],
    [{ status: 502 }, 'change-gate failed: {"status":502}'],
    [undefined, "change-gate failed: undefined"],
    [null, "change-gate failed: null"],
  ])("a throw of %o fails the step with a message", (thrown, message) => {
    const out = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    failClosed(thrown);
    expect(process.exitCode).toBe(1);
    expect(out.mock.calls.map(([text]) => String(text))).toContain(`::error::${message}\n`);
    expect(thrownMessage(thrown)).toBe(message);
  });

  it("a circular object still yields a message", () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(thrownMessage(loop)).toBe("change-gate failed: [object Object]");
  });
});
