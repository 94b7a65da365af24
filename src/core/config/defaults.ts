import type { Config } from "./schema.js";

/**
 * The documented defaults, as plain data so paths without a config file never load the schema library. A test
 * proves this equals `configSchema.parse({})`, so the schema stays the single source of truth.
 */
export function defaultConfig(): Config {
  return {
    timezone: "UTC",
    description: {
      rollback: { required: true, headings: [] },
      blast_radius: { required: true, headings: [] },
      template: "auto",
      reasoned_na: true,
      placeholders: [],
      skip: { labels: [], authors: [], paths: [] },
    },
    windows: [],
    freezes: [],
    environments: {},
    risk: {
      rules: [],
      labels: { low: "risk: low", medium: "risk: medium", high: "risk: high" },
      windows: {},
      missing_rollback: "high",
    },
    merge: { enforce_freezes: true, enforce_windows: false },
    commands: { freeze: { permission: "maintain", teams: [] } },
    overrides: { label: "emergency", approvals: 1 },
  };
}
