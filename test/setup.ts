// Runs before every test file.
import { appendFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nock from "nock";
import { afterAll } from "vitest";
import { loadHolidayLibrary } from "../src/core/schedule/holiday-library.js";
import { type RecordedRequest, safeJson, validateRequest } from "./contract/openapi.js";

// Tests call the synchronous core directly, so the lazily loaded holiday calendar is loaded once up front.
await loadHolidayLibrary();

// API contract: every request made to GitHub's API in this file (through nock or not) is checked against GitHub's
// OpenAPI description. nock is activated first so this wrapper sees requests before nock answers them.
if (!nock.isActive()) nock.activate();
const recorded: RecordedRequest[] = [];
(globalThis as { __contractRequests?: RecordedRequest[] }).__contractRequests = recorded;
const realFetch = globalThis.fetch;
globalThis.fetch = async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
  const request = new Request(input, init);
  if (new URL(request.url).hostname === "api.github.com") {
    const text = request.body ? await request.clone().text() : "";
    recorded.push({
      method: request.method,
      url: request.url,
      body: text === "" ? undefined : safeJson(text),
    });
  }
  return realFetch(input, init);
};

afterAll(() => {
  if (recorded.length === 0) return;
  const violations = recorded.flatMap(validateRequest);
  // A running total for the closing note: `cat $TMPDIR/change-gate-contract.log`.
  appendFileSync(join(tmpdir(), "change-gate-contract.log"), `${recorded.length} ${violations.length}\n`);
  if (violations.length)
    throw new Error(`requests that GitHub's OpenAPI description does not allow:\n${violations.join("\n")}`);
});
