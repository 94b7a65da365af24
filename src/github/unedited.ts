/** GitHub stamps a new comment's `updated_at` within a second of `created_at`; an edit moves it on. */
const EDIT_SLACK_MS = 2_000;

/**
 * Whether a comment is as its author wrote it (never edited, by them or by anyone with write access): the one rule
 * for every override record and `/override` comment change-gate trusts, in the gate and in the report alike.
 */
export function unedited(c: { created_at?: string; updated_at?: string }): boolean {
  const created = Date.parse(c.created_at ?? "");
  const updated = Date.parse(c.updated_at ?? "");
  return Number.isFinite(created) && Number.isFinite(updated) && updated - created <= EDIT_SLACK_MS;
}
