import { type Config, type ConfigInput, configSchema } from "../../src/core/config/schema.js";

/** A validated config from a plain object (through the real schema, so defaults and checks apply). */
export function config(input: ConfigInput): Config {
  return configSchema.parse(input);
}
