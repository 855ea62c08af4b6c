/**
 * Query and path parameters, declared once: each declaration both parses the raw text (a bad value is a 400, never
 * silently ignored) and describes itself for the OpenAPI document, so the two cannot drift apart.
 */
export type JsonSchema = Record<string, unknown>;

export interface Param<T> {
  schema: JsonSchema;
  description: string;
  /** A value for the walking test and the docs' examples. */
  example?: string;
  parse(raw: string): { ok: true; value: T } | { ok: false; message: string };
}

type Opts = { description: string; example?: string };

export const param = {
  integer(o: Opts & { min?: number; max?: number }): Param<number> {
    const min = o.min ?? 1;
    const max = o.max ?? 2_147_483_647;
    return {
      ...o,
      schema: { type: "integer", minimum: min, maximum: max },
      parse: (raw) =>
        /^-?\d{1,10}$/.test(raw) && Number(raw) >= min && Number(raw) <= max
          ? { ok: true, value: Number(raw) }
          : { ok: false, message: `must be a whole number from ${min} to ${max}` },
    };
  },
  string(o: Opts & { maxLength: number }): Param<string> {
    return {
      ...o,
      schema: { type: "string", maxLength: o.maxLength },
      parse: (raw) => (raw.length <= o.maxLength ? { ok: true, value: raw } : { ok: false, message: `must be at most ${o.maxLength} characters` }),
    };
  },
  enum<const V extends string>(values: readonly V[], o: Opts & { default?: V }): Param<V> {
    return {
      ...o,
      schema: { type: "string", enum: [...values], ...(o.default ? { default: o.default } : {}) },
      parse: (raw) =>
        (values as readonly string[]).includes(raw) ? { ok: true, value: raw as V } : { ok: false, message: `must be one of ${values.join(", ")}` },
    };
  },
  boolean(o: Opts): Param<boolean> {
    return {
      ...o,
      schema: { type: "boolean" },
      parse: (raw) => (raw === "true" || raw === "false" ? { ok: true, value: raw === "true" } : { ok: false, message: "must be true or false" }),
    };
  },
  /** A calendar day, YYYY-MM-DD. */
  date(o: Opts): Param<string> {
    return {
      ...o,
      schema: { type: "string", format: "date" },
      parse: (raw) =>
        /^\d{4}-\d{2}-\d{2}$/.test(raw) && !Number.isNaN(Date.parse(`${raw}T00:00:00Z`))
          ? { ok: true, value: raw }
          : { ok: false, message: "must be a day like 2026-05-31" },
    };
  },
  /** An instant, RFC 3339 with an offset. */
  dateTime(o: Opts): Param<Date> {
    return {
      ...o,
      schema: { type: "string", format: "date-time" },
      parse: (raw) => {
        const at = new Date(raw);
        return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(raw) && !Number.isNaN(at.getTime())
          ? { ok: true, value: at }
          : { ok: false, message: "must be a date and time like 2026-05-31T18:00:00Z" };
      },
    };
  },
};

export type ParamSpec = Record<string, Param<unknown>>;
export type Parsed<S extends ParamSpec> = { [K in keyof S]?: S[K] extends Param<infer T> ? T : never };

export interface ParamError {
  name: string;
  in: "query" | "path";
  message: string;
}

/** Every given parameter parsed; unknown names and repeated ones are errors too, so a typo never goes unnoticed. */
export function parseParams<S extends ParamSpec>(
  spec: S,
  raw: URLSearchParams | Record<string, string>,
  where: "query" | "path",
): { values: Parsed<S>; errors: ParamError[] } {
  const values: Record<string, unknown> = {};
  const errors: ParamError[] = [];
  const entries = raw instanceof URLSearchParams ? [...raw.entries()] : Object.entries(raw);
  const seen = new Set<string>();
  for (const [name, text] of entries) {
    const def = Object.hasOwn(spec, name) ? spec[name] : undefined;
    if (!def) {
      errors.push({ name, in: where, message: `unknown parameter; known: ${Object.keys(spec).join(", ") || "none"}` });
      continue;
    }
    if (seen.has(name)) {
      errors.push({ name, in: where, message: "given more than once" });
      continue;
    }
    seen.add(name);
    const result = def.parse(text);
    if (result.ok) values[name] = result.value;
    else errors.push({ name, in: where, message: result.message });
  }
  return { values: values as Parsed<S>, errors };
}
