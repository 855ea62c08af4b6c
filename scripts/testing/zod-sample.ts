import type { z } from "zod";

/*
 * A value a zod schema accepts, made from the schema itself: the authorization suite uses it to get past an
 * action's form to its domain check. Best effort: checks it cannot satisfy (a regex, a refinement, a format) leave
 * the value unparsed; such an action needs a case form (CASE_FORMS in authorization-gates.ts), else the suite fails it.
 */

interface Def {
  type: string;
  [key: string]: unknown;
}
interface Check {
  _zod: { def: { check: string; minimum?: number; maximum?: number; value?: number; inclusive?: boolean; format?: string } };
}

const defOf = (schema: unknown): Def | undefined => (schema as { _zod?: { def?: Def } })?._zod?.def;
const checksOf = (def: Def) => ((def.checks as Check[] | undefined) ?? []).map((c) => c._zod.def);

function sampleString(def: Def): string {
  let min = 0;
  let max = Infinity;
  for (const c of checksOf(def)) {
    if (c.check === "min_length" && c.minimum !== undefined) min = c.minimum;
    if (c.check === "max_length" && c.maximum !== undefined) max = c.maximum;
    if (c.check === "length_equals" && c.value !== undefined) min = max = c.value;
    if (c.check === "string_format") {
      if (c.format === "email") return "sample@example.org";
      if (c.format === "url") return "https://example.org/sample";
      if (c.format === "uuid") return "00000000-0000-4000-8000-000000000000";
    }
  }
  const text = "Sample text for the check".padEnd(min, "x");
  return text.slice(0, Math.max(min, Math.min(max, text.length)));
}

/** Large, so an id names no row (nothing real changes), unless the schema caps it. */
function sampleNumber(def: Def): number {
  let value = 999_999;
  for (const c of checksOf(def)) {
    if (c.check === "less_than" && c.value !== undefined && value >= c.value) value = c.value - (c.inclusive ? 0 : 1);
  }
  for (const c of checksOf(def)) {
    if (c.check === "greater_than" && c.value !== undefined && value <= c.value) value = c.value + (c.inclusive ? 0 : 1);
  }
  return value;
}

export function sampleOf(schema: unknown, depth = 0): unknown {
  const def = defOf(schema);
  if (!def || depth > 12) return undefined;
  const inner = (key: string) => sampleOf(def[key], depth + 1);
  switch (def.type) {
    case "string":
      return sampleString(def);
    case "number":
      return sampleNumber(def);
    case "bigint":
      return 1n;
    case "boolean":
      return true;
    case "date":
      return new Date();
    case "enum":
      return Object.values(def.entries as Record<string, unknown>)[0];
    case "literal":
      return (def.values as unknown[])[0];
    case "null":
      return null;
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
      return inner("innerType");
    case "pipe":
      return inner("in");
    case "lazy":
      return sampleOf((def.getter as () => unknown)(), depth + 1);
    case "object":
      return Object.fromEntries(Object.entries(def.shape as Record<string, unknown>).map(([key, value]) => [key, sampleOf(value, depth + 1)]));
    case "array":
      return [inner("element")];
    case "tuple":
      return (def.items as unknown[]).map((item) => sampleOf(item, depth + 1));
    case "record":
      return {};
    case "union": {
      for (const option of def.options as z.ZodType[]) {
        const value = sampleOf(option, depth + 1);
        if (option.safeParse(value).success) return value;
      }
      return sampleOf((def.options as unknown[])[0], depth + 1);
    }
    default:
      return undefined;
  }
}

/** The schema's parsed output for a sample it accepts, or undefined. */
export function parsedSampleOf(schema: z.ZodType): { value: unknown } | undefined {
  const parsed = schema.safeParse(sampleOf(schema));
  return parsed.success ? { value: parsed.data } : undefined;
}
