import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

/**
 * The repository permission GitHub requires before it delivers each webhook event to an App, from GitHub's
 * "Webhook events and payloads" reference (each event's "To subscribe to this event, a GitHub App must have at least
 * read-level access for the … permission" line). An App without it can subscribe in the manifest but never receives
 * the event, so a missing entry here is a silently dead feature.
 * https://docs.github.com/en/webhooks/webhook-events-and-payloads
 */
const REQUIRED_PERMISSION: Record<string, string> = {
  check_run: "checks",
  check_suite: "checks",
  deployment_protection_rule: "deployments",
  issue_comment: "issues",
  issues: "issues",
  merge_group: "merge_queues",
  pull_request: "pull_requests",
  push: "contents",
};

const manifest = parse(readFileSync("app.yml", "utf8")) as {
  default_events: string[];
  default_permissions: Record<string, string>;
};

describe("app.yml grants the permission every subscribed event needs", () => {
  it.each(manifest.default_events)("%s", (event) => {
    const permission = REQUIRED_PERMISSION[event];
    expect(permission, `add "${event}" and GitHub's permission for it to the table above`).toBeDefined();
    expect(["read", "write"]).toContain(manifest.default_permissions[permission!]);
  });
});
