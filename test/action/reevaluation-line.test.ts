import { describe, expect, it } from "vitest";
import { reevaluationLine } from "../../src/action/summary.js";

describe("the job summary line of a fan-out", () => {
  it("says how many PRs were re-checked, how many failed and how many the change left alone", () => {
    expect(reevaluationLine({ evaluated: 1, failures: 0, untouched: 0, nextChange: null }, "UTC")).toBe(
      "Re-checked 1 open pull request.",
    );
    expect(
      reevaluationLine(
        { evaluated: 30, failures: 2, untouched: 12, nextChange: "2026-11-24T12:00:00Z" },
        "Europe/Berlin",
      ),
    ).toBe(
      "Re-checked 30 open pull requests (2 failed), 12 of them unaffected by the change (check left as it was); next schedule change Tue 24 Nov 13:00 CET.",
    );
  });
});
