export const MODES = ["pr", "deploy", "command", "sweep"] as const;
export type Mode = (typeof MODES)[number];

export interface Inputs {
  /** null = infer from the triggering event. */
  mode: Mode | null;
  token: string;
  config: string;
  /** null = the deployment event's environment, else the top-level rules. */
  environment: string | null;
  wait: boolean;
  /** Milliseconds. */
  maxWait: number;
  failOn: "failure" | "never";
}

/** A wrong input is the user's mistake: reported as such, and the step fails. */
export class InputError extends Error {
  override name = "InputError";
}

interface InputSpec<T> {
  /** The name in action.yml `inputs:`. */
  input: string;
  /** The variable action.yml's `env:` sets for the node step (composite steps get no INPUT_* by themselves). */
  env: string;
  default: string;
  parse: (raw: string) => T;
}

/** The one table of inputs: name in action.yml, env variable, default, parser. A test checks it against action.yml. */
export const INPUTS: { [K in keyof Inputs]: InputSpec<Inputs[K]> } = {
  mode: { input: "mode", env: "INPUT_MODE", default: "", parse: parseMode },
  token: { input: "token", env: "INPUT_TOKEN", default: "", parse: (raw) => raw },
  config: { input: "config", env: "INPUT_CONFIG", default: ".github/change-gate.yml", parse: (raw) => raw },
  environment: { input: "environment", env: "INPUT_ENVIRONMENT", default: "", parse: (raw) => raw || null },
  wait: { input: "wait", env: "INPUT_WAIT", default: "false", parse: (raw) => parseBoolean("wait", raw) },
  maxWait: { input: "max-wait", env: "INPUT_MAX_WAIT", default: "6h", parse: parseMaxWait },
  failOn: { input: "fail-on", env: "INPUT_FAIL_ON", default: "failure", parse: parseFailOn },
};

export function readInputs(env: NodeJS.ProcessEnv): Inputs {
  const read = <K extends keyof Inputs>(key: K): Inputs[K] => {
    const spec = INPUTS[key];
    const raw = env[spec.env]?.trim();
    return spec.parse(raw ? raw : spec.default);
  };
  return {
    mode: read("mode"),
    token: read("token"),
    config: read("config"),
    environment: read("environment"),
    wait: read("wait"),
    maxWait: read("maxWait"),
    failOn: read("failOn"),
  };
}

function parseMode(raw: string): Mode | null {
  if (raw === "") return null;
  if ((MODES as readonly string[]).includes(raw)) return raw as Mode;
  throw new InputError(`input mode is "${raw}"; expected one of ${MODES.join(", ")} (or empty to infer it)`);
}

function parseFailOn(raw: string): Inputs["failOn"] {
  if (raw === "failure" || raw === "never") return raw;
  throw new InputError(`input fail-on is "${raw}"; expected "failure" or "never"`);
}

/** The YAML 1.2 core booleans, as `core.getBooleanInput` accepts them. */
function parseBoolean(name: string, raw: string): boolean {
  if (/^(true|True|TRUE)$/.test(raw)) return true;
  if (/^(false|False|FALSE)$/.test(raw)) return false;
  throw new InputError(`input ${name} is "${raw}"; expected true or false`);
}

const UNIT_MS: Record<string, number> = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 };
const DURATION_RE = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;

/** "6h", "90m", "1h30m", "2d", "0" — elapsed time; more than GitHub's 6 h job limit is allowed for self-hosted runners. */
export function parseDuration(raw: string): number | null {
  const text = raw.replace(/\s+/g, "");
  if (text === "0") return 0;
  const m = DURATION_RE.exec(text);
  if (!m || text === "") return null;
  const [, d, h, min, s] = m;
  return (
    Number(d ?? 0) * UNIT_MS.d! +
    Number(h ?? 0) * UNIT_MS.h! +
    Number(min ?? 0) * UNIT_MS.m! +
    Number(s ?? 0) * UNIT_MS.s!
  );
}

function parseMaxWait(raw: string): number {
  const ms = parseDuration(raw);
  if (ms === null)
    throw new InputError(`input max-wait is "${raw}"; expected a duration such as 6h, 90m or 1h30m`);
  return ms;
}
