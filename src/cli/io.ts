import { readFileSync } from "node:fs";

/** A user-caused CLI problem with the command line: printed as one line and the usage, exit code 2. */
export class UsageError extends Error {}

/** A file named on the command line cannot be read: printed as one line (the usage would not help), exit code 2. */
export class InputError extends Error {}

/** Read a file (or stdin for "-") as UTF-8; invalid bytes become U+FFFD rather than an exception. */
export function readText(path: string, what: string): string {
  try {
    const bytes = path === "-" ? readFileSync(0) : readFileSync(path);
    return new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : (e as Error).message;
    throw new InputError(`cannot read ${what} ${path === "-" ? "from standard input" : `"${path}"`}: ${why}`);
  }
}
