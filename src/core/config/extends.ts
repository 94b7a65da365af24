/** A config's `_extends` value, or null when it has none. */
export function extendsOf(value: unknown): string | null {
  return isRecord(value) && typeof value._extends === "string" ? value._extends : null;
}

/**
 * A config merged over its `_extends` base, one level: the base's own `_extends` is ignored, so chains and cycles
 * cannot form. The nearer file wins key by key.
 */
export function mergeOverBase(base: unknown, near: unknown): unknown {
  return deepMerge(withoutExtends(base), withoutExtends(near));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function withoutExtends(value: unknown): unknown {
  if (!isRecord(value)) return value;
  const { _extends: _, ...rest } = value;
  return rest;
}

/** Nearer wins key by key; mappings merge recursively, everything else (arrays included) is replaced. */
function deepMerge(base: unknown, near: unknown): unknown {
  if (!isRecord(base) || !isRecord(near)) return near === undefined ? base : near;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(near)) out[k] = deepMerge(base[k], v);
  return out;
}
