// One repository's fortnight for `change-gate report`: merged PRs, deployments, an override and a `/freeze`.

import { main } from "../../src/cli/main.js";
import { ledgerIssue } from "../action/ledger.js";
import { type Route, startFakeGitHub } from "../support/fake-github.js";
import { base, configRoute, deployment, overrideCommand, overrideComment, pull, user } from "./routes.js";

/** Tue 24 Nov 2026 10:00 UTC; `--since 14d` reaches back to Tue 10 Nov 10:00. */
export const REPORT_NOW = new Date("2026-11-24T10:00:00Z");

const FULL_BODY = `## Rollback plan
Revert and redeploy the previous tag.

## Blast radius
Checkout only; worst case orders queue for ten minutes.
`;

export const SHA_50 = "5050505050505050505050505050505050505050";
export const SHA_51 = "5151515151515151515151515151515151515151";

export function reportRoutes(): Route[] {
  const r = base();
  const closedFreeze = {
    ...ledgerIssue(9, {
      from: "2026-11-12T00:00:00Z",
      until: "2026-11-13T00:00:00Z",
      reason: "incident review",
      by: "release-lead",
    }),
    state: "closed",
    closed_at: "2026-11-12T18:00:00Z",
  };
  return [
    configRoute(),
    {
      method: "GET",
      path: `${r}/pulls`,
      headers: { link: `<http://127.0.0.1/repos/acme/shop/pulls?state=closed&page=2>; rel="next"` },
      body: [
        pull(52, { body: "", mergedAt: null, updatedAt: "2026-11-22T09:00:00Z" }),
        // Merged on a Saturday: it waits for Monday's window.
        pull(51, {
          body: "## Blast radius\nThe payment webhook handler.",
          title: "Retry payment webhooks",
          mergedAt: "2026-11-21T12:00:00Z",
          sha: SHA_51,
          labels: ["risk: high"],
        }),
        pull(50, {
          body: FULL_BODY,
          title: "<script>alert(1)</script> checkout copy",
          mergedAt: "2026-11-20T16:30:00Z",
          sha: SHA_50,
        }),
        // Last updated before --since: the listing stops here, page 2 is never read.
        pull(49, { body: FULL_BODY, mergedAt: "2026-11-05T10:00:00Z", sha: "49".repeat(20) }),
      ],
    },
    {
      method: "GET",
      path: `${r}/deployments`,
      body: [
        deployment(702, SHA_51, "2026-11-21T12:30:00Z"),
        deployment(701, SHA_50, "2026-11-20T16:40:00Z"),
        deployment(700, "7000000000000000000000000000000000000000", "2026-11-12T10:00:00Z", "staging"),
        deployment(699, "6990000000000000000000000000000000000000", "2026-11-01T10:00:00Z"),
      ],
    },
    {
      method: "GET",
      path: `${r}/issues/comments`,
      body: [
        overrideCommand(909, 51, "release-lead", "payments failing, Black Friday", "2026-11-21T12:09:00Z"),
        overrideComment(
          910,
          51,
          "release-lead",
          "payments failing, Black Friday",
          "2026-11-21T12:10:00Z",
          909,
        ),
        // Not an override: pasted by a person; and a bot's record citing a comment its approver did not write.
        overrideComment(
          911,
          51,
          "mallory",
          "pasted by a person",
          "2026-11-21T12:11:00Z",
          909,
          user("mallory"),
        ),
        overrideComment(912, 51, "mallory", "forged by a workflow", "2026-11-21T12:12:00Z", 909),
      ],
    },
    { method: "GET", path: `${r}/issues`, body: [closedFreeze] },
  ];
}

/** `change-gate report --repo acme/shop --since 14d <argv>` in-process against the loopback fake API. */
export async function runReport(argv: string[], routes: Route[] = reportRoutes()) {
  const fake = await startFakeGitHub(routes);
  let stdout = "";
  let stderr = "";
  try {
    const code = await main(["report", "--repo", "acme/shop", "--since", "14d", ...argv], {
      out: (s) => (stdout += s),
      err: (s) => (stderr += s),
      now: REPORT_NOW,
      env: { GITHUB_TOKEN: "test-token", GITHUB_API_URL: fake.url },
    });
    return { code, stdout, stderr, requests: fake.requests };
  } finally {
    await fake.close();
  }
}
