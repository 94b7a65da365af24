import { failClosed } from "./fail-closed.js";
import { run } from "./run.js";

run().catch(failClosed);
