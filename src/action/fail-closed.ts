import * as core from "./runner.js";

/** What the step's error says for anything thrown: an Error's message, else the value itself. */
export function thrownMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === "string") return `change-gate failed: ${error}`;
  let text: string;
  try {
    text = JSON.stringify(error) ?? String(error);
  } catch {
    text = String(error);
  }
  return `change-gate failed: ${text}`;
}

/** Fail closed: whatever went wrong, the step fails with the message and never passes. */
export function failClosed(error: unknown): void {
  if (error instanceof Error && error.name !== "InputError" && error.stack) core.debug(error.stack);
  core.setFailed(thrownMessage(error));
}
