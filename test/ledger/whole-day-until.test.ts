// `/freeze until <date>` covers that whole day, as a config freeze's `to: "<date>"` does: the ledger records the next
// day's 00:00 in the repository's time zone, and the reply says so with the exact instant.
import nock from "nock";
import { describe, expect, it } from "vitest";
import { runCommand } from "../../src/github/run-command.js";
import {
  API,
  client,
  commentPayload,
  config,
  eventWithNodeIds,
  expectEveryMockUsed,
  graphqlFeedback,
  LIST_LEDGER,
  ledgerIssue,
  NOW,
  PERMISSION,
  REPO,
} from "./helpers.js";

const SOURCE = "https://github.com/Codertocat/Hello-World/issues/1#issuecomment-492700400";

expectEveryMockUsed();

async function freeze(body: string, timezone: string) {
  nock(API).post(`${REPO}/issues/comments/492700400/reactions`, { content: "eyes" }).reply(201, { id: 1 });
  nock(API).get(PERMISSION("Codertocat")).reply(200, { permission: "write", role_name: "maintain" });
  nock(API).get(LIST_LEDGER).reply(200, []);
  let created: Record<string, unknown> = {};
  nock(API)
    .post(`${REPO}/issues`, (b) => {
      created = b;
      return true;
    })
    .reply(201, { ...ledgerIssue(7, null), created_at: NOW.toISOString() });
  // change-gate's revision of the new ledger issue.
  nock(API).post(`${REPO}/issues/7/comments`).reply(201, {});
  nock(API)
    .get(LIST_LEDGER)
    .reply(200, () => [ledgerIssue(7, null, { body: created.body })]);
  const feedback = graphqlFeedback();
  const { gh } = client();
  const result = await runCommand(gh, eventWithNodeIds(commentPayload(body), config({ timezone })));
  return { result, reply: feedback.variables.body, created };
}

describe("/freeze until <date> ends at the end of that day", () => {
  it("in Berlin: the ledger's until is 2 Dec 00:00 CET and the reply states the instant", async () => {
    const { result, reply, created } = await freeze("/freeze until 2026-12-01 Black Friday", "Europe/Berlin");
    expect(result).toMatchObject({ outcome: "done", stateChanged: true, replied: true });
    expect(reply).toBe(
      [
        "Frozen all environments until Wed 2 Dec 00:00 CET by @Codertocat: Black Friday",
        "",
        '`until 2026-12-01` covers that whole day, as `to: "2026-12-01"` does in the config: the freeze ends at 2026-12-01T23:00:00.000Z.',
        "",
        "Recorded in #7. Lift it with `/unfreeze`.",
      ].join("\n"),
    );
    expect(created.body).toContain(
      `<!-- change-gate:freeze {"v":1,"by":"Codertocat","reason":"Black Friday","environment":null,"from":"2026-11-24T09:00:00.000Z","until":"2026-12-01T23:00:00.000Z","source":"${SOURCE}"} -->`,
    );
    expect(created.body).toContain("is frozen until Wed 2 Dec 00:00 CET, declared by @Codertocat.");
  });

  it("in New York: the end of the day is read in the repository's zone (05:00 UTC the next day)", async () => {
    const { reply, created } = await freeze("/freeze until 2026-12-01 env production", "America/New_York");
    expect(reply).toContain("Frozen production until Wed 2 Dec 00:00 EST by @Codertocat");
    expect(reply).toContain("the freeze ends at 2026-12-02T05:00:00.000Z.");
    expect(created.body).toContain('"until":"2026-12-02T05:00:00.000Z"');
  });

  it("a date with a time keeps its exact instant and no whole-day note", async () => {
    const { reply, created } = await freeze("/freeze until 2026-12-01 09:00", "Europe/Berlin");
    expect(reply).toBe(
      "Frozen all environments until Tue 1 Dec 09:00 CET by @Codertocat\n\nRecorded in #7. Lift it with `/unfreeze`.",
    );
    expect(created.body).toContain('"until":"2026-12-01T08:00:00.000Z"');
  });
});
