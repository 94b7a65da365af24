// Generates schema/change-gate.schema.json from the zod schema (the single source of truth).
import { mkdirSync, writeFileSync } from "node:fs";
import { z } from "zod";
import { configSchema } from "../src/core/config/schema.js";

const schema = z.toJSONSchema(configSchema, { io: "input", unrepresentable: "any" });
const out = {
  ...schema,
  title: "change-gate configuration",
};
mkdirSync("schema", { recursive: true });
writeFileSync("schema/change-gate.schema.json", `${JSON.stringify(out, null, 2)}\n`);
console.log("schema/change-gate.schema.json written");
