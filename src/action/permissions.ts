/** Which `permissions:` entry a 403 "Resource not accessible by integration" points to, from the refused request. */
export function missingPermission(error: unknown): string | null {
  const e = error as {
    status?: unknown;
    message?: unknown;
    request?: { url?: unknown; method?: unknown };
  } | null;
  if (e?.status !== 403 || !/Resource not accessible by integration/i.test(String(e.message))) return null;
  const url = String(e.request?.url ?? "");
  const writes = String(e.request?.method ?? "GET").toUpperCase() !== "GET";
  if (url.includes("/check-runs")) return "checks: write";
  if (/\/labels|\/issues\/\d+\/labels/.test(url)) return "pull-requests: write";
  // A comment on a ledger issue (a freeze's audit) or any other issue write.
  if (url.includes("/issues")) return writes ? "issues: write" : "issues: read";
  if (url.includes("/pulls")) return "pull-requests: read";
  if (url.includes("/contents")) return "contents: read";
  return null;
}
