import { describe, expect, it } from "vitest";
import { cli, tempFile } from "./helpers.js";

// Issue 18.1: `change-gate check --env` is the deploy gate, so `bake` applies; without --env the merge gate ignores
// it unless merge.enforce_windows is on.
const CONFIG = `timezone: UTC
windows:
  - { days: Mon-Fri, start: "09:00", end: "17:00" }
environments:
  production: { bake: 3h }
`;

describe("check with bake", () => {
  it("--env production at 14:00 is closed for bake, next start tomorrow 09:00 (exit 1)", async () => {
    const config = tempFile("change-gate.yml", CONFIG);
    const res = await cli([
      "check",
      "--config",
      config,
      "--env",
      "production",
      "--at",
      "2026-11-24T14:00:00Z",
      "--format",
      "json",
    ]);
    expect(res.code).toBe(1);
    const out = JSON.parse(res.stdout);
    expect(out.schedule).toMatchObject({
      open: false,
      reason: "bake",
      rule: "Mon-Fri 09:00-17:00",
      nextOpen: "2026-11-25T09:00:00.000Z",
      closesAt: null,
      bake: "3h",
    });
    expect(out.gates.deploy.conclusion).toBe("failure");
    expect(out.gates.merge.conclusion).toBe("success");
  });

  it("--env production at 13:59 is open, closesAt the last start 14:00", async () => {
    const config = tempFile("change-gate.yml", CONFIG);
    const res = await cli([
      "check",
      "--config",
      config,
      "--env",
      "production",
      "--at",
      "2026-11-24T13:59:00Z",
      "--format",
      "json",
    ]);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout).schedule).toMatchObject({
      open: true,
      closesAt: "2026-11-24T14:00:00.000Z",
    });
  });

  it("validate rejects a bake longer than a week", async () => {
    const config = tempFile("change-gate.yml", "bake: 8d\n");
    const res = await cli(["validate", "--config", config]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('bake "8d" is longer than a week; use at most 1w');
  });
});
