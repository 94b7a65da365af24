import type { z } from "zod";

/** The zod definition fields this walk reads (zod v4 `_zod.def`). */
interface Def {
  type: string;
  innerType?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  options?: z.ZodType[];
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The keys an object at `path` inside `schema` accepts (union members pooled); [] when there is no object there. */
export function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let nodes: z.ZodType[] = [schema];
  for (let i = 0; i <= path.length; i++) {
    // Unwrap defaults/optionals/unions until only objects, arrays and records are left.
    const unwrapped: z.ZodType[] = [];
    for (let guard = 0; nodes.length > 0 && guard < 20; guard++) {
      const next: z.ZodType[] = [];
      for (const n of nodes) {
        const def = defOf(n);
        if (def.innerType) next.push(def.innerType);
        else if (def.options) next.push(...def.options);
        else unwrapped.push(n);
      }
      nodes = next;
    }
    if (i === path.length) return [...new Set(unwrapped.flatMap((n) => Object.keys(defOf(n).shape ?? {})))];
    const step = path[i];
    nodes = unwrapped.flatMap((n) => {
      const def = defOf(n);
      if (typeof step === "number") return def.element ? [def.element] : [];
      if (def.shape && typeof step === "string" && Object.hasOwn(def.shape, step)) return [def.shape[step]!];
      return def.valueType ? [def.valueType] : [];
    });
  }
  return [];
}

/** Edit distance (insert, delete, substitute, swap of neighbours) between two short keys. */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [
    i,
    ...Array<number>(b.length).fill(0),
  ]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  return d[a.length]![b.length]!;
}

/** The known key closest to `key` ("windwos" → "windows", "Timezone" → "timezone"), or null when none is close. */
export function nearestKey(key: string, known: readonly string[]): string | null {
  if (key.length > 64) return null;
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  const k = key.toLowerCase().replace(/-/g, "_");
  for (const candidate of known) {
    const d = distance(k, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(best.length / 3)) ? best : null;
}
