import { describe, expect, it } from "vitest";
import { type CheckAnnotation, type CheckRunContent, upsertCheckRun } from "../../src/github/check-run.js";
import { client, github, isolateNetwork, REPO, ref } from "./helpers.js";

isolateNetwork();

const SHA = "a".repeat(40);
const LATEST = new RegExp(`^${REPO}/commits/${SHA}/check-runs\\?`);
const content: CheckRunContent = {
  headSha: SHA,
  conclusion: "failure",
  title: "Not ready to merge: rollback plan missing",
  summary: "| ❌ Rollback plan | missing |\n\nEvaluated at 2026-11-24T10:00:00Z",
};
const run = (over: Record<string, unknown> = {}) => ({
  id: 7,
  status: "completed",
  conclusion: content.conclusion,
  output: { title: content.title, summary: content.summary },
  ...over,
});
const listed = (...runs: unknown[]) => ({ total_count: runs.length, check_runs: runs });

describe("upsertCheckRun", () => {
  it("creates the run when the head has none", async () => {
    const api = github().on("GET", LATEST, 200, listed()).on("POST", `${REPO}/check-runs`, 201, { id: 9 });
    const out = await upsertCheckRun(await client(), ref, { ...content, appId: 12 });
    expect(out).toMatchObject({ action: "created", id: 9 });
    expect(new URL(api.calls[0]!.path, "https://x").searchParams.get("app_id")).toBe("12");
    expect(api.writes()[0]?.body).toEqual({
      name: "change-gate",
      head_sha: SHA,
      status: "completed",
      conclusion: "failure",
      output: { title: content.title, summary: content.summary },
    });
  });

  it("updates the latest run in place when its verdict changed", async () => {
    const api = github()
      .on(
        "GET",
        LATEST,
        200,
        listed(run({ conclusion: "success", output: { title: "Ready to merge", summary: "ok" } })),
      )
      .on("PATCH", `${REPO}/check-runs/7`, 200, { id: 7 });
    expect(await upsertCheckRun(await client(), ref, content)).toMatchObject({ action: "updated", id: 7 });
    expect(api.writes()[0]?.body).toMatchObject({ conclusion: "failure", output: { title: content.title } });
  });

  it("writes nothing when the head already shows the same verdict (a newer 'Evaluated at' is not a change)", async () => {
    const api = github().on(
      "GET",
      LATEST,
      200,
      listed(run({ output: { title: content.title, summary: content.summary.replace("10:00", "09:00") } })),
    );
    expect(await upsertCheckRun(await client(), ref, content)).toMatchObject({ action: "unchanged", id: 7 });
    expect(api.writes()).toEqual([]);
  });

  it("sends more than 50 annotations in batches of 50: the create, then updates that append", async () => {
    const annotations: CheckAnnotation[] = Array.from({ length: 120 }, (_, i) => ({
      path: ".github/change-gate.yml",
      start_line: i + 1,
      end_line: i + 1,
      annotation_level: "failure",
      message: `error ${i + 1}`,
    }));
    const api = github()
      .on("GET", LATEST, 200, listed())
      .on("POST", `${REPO}/check-runs`, 201, { id: 9 })
      .on("PATCH", `${REPO}/check-runs/9`, 200, { id: 9 })
      .on("PATCH", `${REPO}/check-runs/9`, 200, { id: 9 });
    await upsertCheckRun(await client(), ref, { ...content, annotations });
    const batches = api
      .writes()
      .map((w) => w.body.output.annotations.map((a: CheckAnnotation) => a.start_line));
    expect(batches.map((b: number[]) => [b.length, b[0]])).toEqual([
      [50, 1],
      [50, 51],
      [20, 101],
    ]);
    expect(api.writes().map((w) => w.method)).toEqual(["POST", "PATCH", "PATCH"]);
  });

  it("a head known to have no run yet is created without reading", async () => {
    const api = github().on("POST", `${REPO}/check-runs`, 201, { id: 9 });
    expect(await upsertCheckRun(await client(), ref, { ...content, prior: null })).toMatchObject({
      action: "created",
      verdict: { id: 9, conclusion: "failure", title: content.title },
    });
    expect(api.requests()).toEqual([`POST ${REPO}/check-runs`]);
  });

  it("a known run with another verdict is updated without reading; one with the same verdict is read first", async () => {
    const patched = github().on("PATCH", `${REPO}/check-runs/7`, 200, { id: 7 });
    const prior = { id: 7, conclusion: "success" as const, title: "Ready to merge", summary: "ok" };
    await upsertCheckRun(await client(), ref, { ...content, prior });
    expect(patched.requests()).toEqual([`PATCH ${REPO}/check-runs/7`]);

    // Only a read can prove nothing changed since (a re-run, another instance), so "same" is confirmed.
    const confirmed = github().on("GET", LATEST, 200, listed(run()));
    const same = { id: 7, conclusion: content.conclusion, title: content.title, summary: content.summary };
    expect(await upsertCheckRun(await client(), ref, { ...content, prior: same })).toMatchObject({
      action: "unchanged",
    });
    expect(confirmed.writes()).toEqual([]);
  });
});
