import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, errors, examplePayload, runAction } from "./harness.js";
import { NO_FREEZES, NO_PULLS } from "./routes.js";

// Issue 18.1: the Action's deploy mode honours `bake`. Mon–Thu 09:00–16:00 UTC with a 3 h bake: starts in [09:00, 13:00).
const CONFIG = `timezone: UTC
windows:
  - { days: Mon-Thu, start: "09:00", end: "16:00" }
bake: 3h
`;

beforeAll(ensureBuilt);

describe("deploy mode with bake", () => {
  it("passes before the last start and names it", async () => {
    const run = await runAction({
      event: "push",
      payload: examplePayload("push"),
      config: CONFIG,
      routes: [NO_FREEZES, NO_PULLS],
      now: "2026-11-24T10:00:00Z",
    });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ open: "true", reason: "window" });
    expect(run.summary).toContain("last start with a 3h bake Tue 24 Nov 13:00 UTC");
  });

  it("fails at the last start with reason bake and the next start a whole bake fits", async () => {
    const run = await runAction({
      event: "push",
      payload: examplePayload("push"),
      config: CONFIG,
      routes: [NO_FREEZES, NO_PULLS],
      now: "2026-11-24T13:00:00Z",
    });
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({
      open: "false",
      reason: "bake",
      "next-open": "2026-11-25T09:00:00.000Z",
      conclusion: "failure",
    });
    expect(errors(run)[0]).toContain(
      "closed for bake time: a deploy now would not have 3h of open schedule after it — opens Wed 25 Nov 09:00 UTC",
    );
  });
});
