import { main } from "./main.js";

main(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  now: new Date(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(
      `change-gate: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    // Fail closed: an internal error is never a pass.
    process.exitCode = 1;
  },
);
