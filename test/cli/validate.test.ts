import { describe, expect, it } from "vitest";
import { cli, tempFile } from "./helpers.js";

describe("change-gate validate", () => {
  it("a valid config prints ok and exits 0", async () => {
    const r = await cli(["validate", "--config", "examples/change-gate.yml"]);
    expect(r).toEqual({ code: 0, stdout: "examples/change-gate.yml: ok\n", stderr: "" });
  });

  it("prints each error as file:line:col: message and exits 2", async () => {
    const cfg = tempFile(
      "c.yml",
      'holidays: { country: XX }\nfreezes:\n  - { cron: "0 0 20 12 *", duration: -3d }\n',
    );
    const r = await cli(["validate", "--config", cfg]);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")).toEqual([
      `${cfg}:1:22: holidays.country: unknown country "XX"`,
      `${cfg}:3:38: freezes[0].duration: duration must be a positive length like 90m, 3h, 1h30m, 2d or 1w (h/m exact, d/w calendar)`,
      `2 errors in ${cfg}`,
      "",
    ]);
  });
});
