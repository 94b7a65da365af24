import { createRequire } from "node:module";
import nock from "nock";
import { describe, expect, it } from "vitest";
import { recordLabelOverride } from "../../src/github/override-label.js";
import {
  API,
  block,
  client,
  config,
  expectEveryMockUsed,
  LIST_LEDGER,
  LIST_ORG_LEDGER,
  ledgerIssue,
  NOW,
  PERMISSION,
  postedComment,
  REF,
  REPO,
} from "./helpers.js";

interface LabeledExample {
  action: string;
  label: { name: string };
  sender: { login: string; type: string };
  pull_request: { number: number; html_url: string };
}
const labeled = (
  createRequire(import.meta.url)("@octokit/webhooks-examples") as {
    name: string;
    examples: LabeledExample[];
  }[]
)
  .find((e) => e.name === "pull_request")!
  .examples.find((e) => e.action === "labeled")!;

/** The real `pull_request.labeled` payload (Codertocat/Hello-World#2), with another label and sender. */
function event(label: string, sender = { login: "Codertocat", type: "User" }): LabeledExample {
  return { ...structuredClone(labeled), label: { ...labeled.label, name: label }, sender };
}

expectEveryMockUsed();

const freeze = block({ by: "hubot", reason: "Black Friday", from: "2026-11-23T08:00:00.000Z", until: null });

describe("the override label (`overrides.label`, emergency by default)", () => {
  it("added by a maintainer during a freeze is written into the freeze's ledger issue and answered on the PR", async () => {
    nock(API).get(PERMISSION("Codertocat")).reply(200, { permission: "write", role_name: "maintain" });
    nock(API)
      .get(LIST_LEDGER)
      .reply(200, [ledgerIssue(7, freeze)]);
    nock(API).get(LIST_ORG_LEDGER).reply(404, { message: "Not Found" });
    const audit = postedComment(`${REPO}/issues/7/comments`);
    const reply = postedComment(`${REPO}/issues/2/comments`);
    const { gh } = client();

    const result = await recordLabelOverride(gh, REF, event("Emergency"), config(), NOW);

    expect(result).toMatchObject({ outcome: "recorded", by: "Codertocat", recorded: [{ where: "#7" }] });
    expect(audit.body).toMatch(
      /^Override: @Codertocat let Codertocat\/Hello-World#2 through this freeze \(https:\/\/github.com\/Codertocat\/Hello-World\/pull\/2\): `emergency` label/,
    );
    expect(audit.body).toContain('<!-- change-gate:override-audit {"v":1,"pr":2,');
    expect(reply.body).toMatch(
      /^Override approved by @Codertocat with the `emergency` label\. Recorded in the freeze ledger: #7\./,
    );
    expect(reply.body).toContain("removing the label withdraws this approval");
    // No approval record on the PR: the label itself is the approval, and it lapses with the label.
    expect(reply.body).not.toContain("change-gate:override");
  });

  it("added by someone with triage permission approves nothing, changes no ledger and says who may", async () => {
    nock(API).get(PERMISSION("someone")).reply(200, { permission: "read", role_name: "triage" });
    const reply = postedComment(`${REPO}/issues/2/comments`);
    const { gh, calls } = client();

    const result = await recordLabelOverride(
      gh,
      REF,
      event("emergency", { login: "someone", type: "User" }),
      config(),
      NOW,
    );

    expect(result?.outcome).toBe("refused");
    expect(reply.body).toMatch(
      /^Sorry @someone, the `emergency` label overrides .* only when added by users with maintain permission or higher; you have triage permission here\./,
    );
    expect(calls.map((c) => c.line)).toEqual([
      `GET ${PERMISSION("someone")}`,
      `POST ${REPO}/issues/2/comments`,
    ]);
  });

  it("another label, a removal, or a bot adding it costs no request", async () => {
    const { gh, calls } = client();
    expect(await recordLabelOverride(gh, REF, event("bug"), config(), NOW)).toBeNull();
    expect(
      await recordLabelOverride(gh, REF, { ...event("emergency"), action: "unlabeled" }, config(), NOW),
    ).toBeNull();
    expect(
      await recordLabelOverride(
        gh,
        REF,
        event("emergency", { login: "renovate[bot]", type: "Bot" }),
        config(),
        NOW,
      ),
    ).toBeNull();
    expect(calls).toEqual([]);
  });

  it("follows a configured label name", async () => {
    const { gh, calls } = client();
    const custom = config({ overrides: { label: "break-glass" } });
    expect(await recordLabelOverride(gh, REF, event("emergency"), custom, NOW)).toBeNull();
    expect(calls).toEqual([]);
  });

  it("fails closed when the ledger cannot take the record: the label comes off, the error surfaces, nothing says approved", async () => {
    nock(API).get(PERMISSION("Codertocat")).reply(200, { permission: "admin", role_name: "admin" });
    nock(API)
      .get(LIST_LEDGER)
      .reply(200, [ledgerIssue(7, freeze)]);
    nock(API).get(LIST_ORG_LEDGER).reply(404, { message: "Not Found" });
    nock(API).post(`${REPO}/issues/7/comments`).reply(500, { message: "Server Error" });
    // The label is the approval: it is taken off again, and the person told why.
    nock(API).delete(`${REPO}/issues/2/labels/emergency`).reply(200, []);
    const reply = postedComment(`${REPO}/issues/2/comments`);
    const { gh } = client();
    await expect(recordLabelOverride(gh, REF, event("emergency"), config(), NOW)).rejects.toThrow(
      "Server Error",
    );
    expect(reply.body).toMatch(
      /^@Codertocat, the `emergency` label could not be recorded in the freeze ledger \(Server Error\)\. It was removed again, so it approves nothing\./,
    );
    expect(reply.body).not.toContain("Override approved");
  });
});
