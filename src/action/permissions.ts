/** Which `permissions:` entry a 403 "Resource not accessible by integration" points to, from the refused request. */
export function missingPermission(error: unknown): string | null {
  const e = error as { status?: unknown; message?: unknown; request?: { url?: unknown } } | null;
  if (e?.status !== 403 || !/Resource not accessible by integration/i.test(String(e.message))) return null;
  const url = String(e.request?.url ?? "");
  if (url.includes("/check-runs")) return "checks: write";
  if (/\/labels|\/issues\/\d+\/labels/.test(url)) return "pull-requests: write";
  if (url.includes("/issues")) return "issues: read";
  if (url.includes("/pulls")) return "pull-requests: read";
  if (url.includes("/contents")) return "contents: read";
  return null;
}
