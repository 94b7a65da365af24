// Regenerates test/contract/github-openapi-subset.json: the request side (method, path, parameters, request body
// schema) of the GitHub REST operations change-gate may call, taken from GitHub's published OpenAPI description
// (@octokit/openapi). The full description is ~70 MB, so only this subset is committed, as GitHub wrote it: the
// validator (test/contract/openapi.ts) closes object schemas that list their properties and checks path parameters.
//   npm pack @octokit/openapi@23.0.2 && tar xzf octokit-openapi-23.0.2.tgz
//   node scripts/openapi-subset.mjs package/generated/api.github.com.deref.json
import { readFileSync, writeFileSync } from "node:fs";

const PREFIXES = [
  "/repos/{owner}/{repo}/check-runs",
  "/repos/{owner}/{repo}/check-suites",
  "/repos/{owner}/{repo}/commits",
  "/repos/{owner}/{repo}/contents",
  "/repos/{owner}/{repo}/issues",
  "/repos/{owner}/{repo}/labels",
  "/repos/{owner}/{repo}/pulls",
  "/repos/{owner}/{repo}/collaborators",
  "/repos/{owner}/{repo}/actions/runs",
  "/repos/{owner}/{repo}/deployments",
  "/repos/{owner}/{repo}/environments",
  "/repos/{owner}/{repo}/git/trees",
  "/orgs/{org}/teams/{team_slug}/memberships",
  "/app/installations",
  "/installation/repositories",
  "/repos/{owner}/{repo}/installation",
  "/orgs/{org}/installation",
];
const EXACT = ["/repos/{owner}/{repo}", "/app"];

const spec = JSON.parse(readFileSync(process.argv[2], "utf8"));
const operations = [];
for (const [path, item] of Object.entries(spec.paths)) {
  if (
    !EXACT.includes(path) &&
    !PREFIXES.some((p) => path === p || path.startsWith(`${p}/`) || path.startsWith(`${p}?`))
  )
    continue;
  for (const method of ["get", "post", "put", "patch", "delete"]) {
    const op = item[method];
    if (!op) continue;
    operations.push({
      method: method.toUpperCase(),
      path,
      operationId: op.operationId,
      parameters: [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p) => ({
        name: p.name,
        in: p.in,
        required: Boolean(p.required),
        schema: p.schema,
      })),
      requestBody: op.requestBody?.content?.["application/json"]?.schema ?? null,
      requestBodyRequired: Boolean(op.requestBody?.required),
    });
  }
}
writeFileSync(
  "test/contract/github-openapi-subset.json",
  `${JSON.stringify({ source: `@octokit/openapi ${spec.info.version} api.github.com`, operations }, null, 1)}\n`,
);
console.log(`${operations.length} operations written`);
