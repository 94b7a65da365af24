// `node dist/app.js`: the GitHub App's webhook server.
import { startServer } from "./main.js";
import { readAppSettings } from "./settings.js";

try {
  await startServer(readAppSettings(process.env));
} catch (error) {
  console.error(`change-gate app: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
