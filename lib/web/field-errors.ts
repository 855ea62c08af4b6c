import type { z } from "zod";
import type { MessageKey, Translate } from "@/lib/i18n/translate";

/**
 * What a form's reader hands the schema for text it could not turn into the field's value (e.g. a person typed that
 * nobody matches): the schema refuses it as any wrong value, and the field's message is this one.
 */
export class Unmatched {
  constructor(
    readonly typed: string,
    readonly message: MessageKey,
  ) {}
}

/** Form field name → the catalog key of its label, so a message names the field as the form shows it. */
export type FieldLabels = Record<string, MessageKey>;

/**
 * The form field of a schema path where they differ: by path ("recurrence.until" → "until", or its first part), or
 * a function of the path and what the form sent, for nested paths whose field depends on it (a list's line → the
 * line's own field id); undefined leaves the path's first part.
 */
export type FieldNames = Record<string, string> | ((path: readonly string[], raw: Record<string, unknown>) => string | undefined);

/**
 * Zod's issues as one message per field in the reader's language, naming the field by its label. `raw` is what the
 * form sent (to tell an empty field from a wrong one). The first issue of a field wins: one thing to fix at a time.
 * `said` turns a schema's own message (a refine's, e.g. "notOffered") into a catalog message naming the field.
 * `fields` names the form field of a schema path where they differ (the domain's "recurrence.until" is the form's "until";
 * a study line's years are that line's own field).
 */
export function fieldErrorsOf(
  issues: readonly z.core.$ZodIssue[],
  raw: Record<string, unknown>,
  labels: FieldLabels,
  t: Translate,
  said: Record<string, MessageKey> = {},
  fields: FieldNames = {},
): Record<string, string> {
  const errors: Record<string, string> = {};
  const fieldOf = (path: string[]) => (typeof fields === "function" ? fields(path, raw) : (fields[path.join(".")] ?? fields[path[0]!]));
  for (const issue of issues) {
    const path = issue.path.map(String);
    const name = path.length ? (fieldOf(path) ?? path[0]!) : "";
    if (!name || name in errors) continue;
    const field = labels[name] ? t(labels[name]) : name;
    const own = Object.hasOwn(said, issue.message) ? said[issue.message] : undefined;
    // A refine may name what it refused (params, e.g. the bad entry of a list) for its message to say.
    const params = issue.code === "custom" ? (issue.params as Record<string, string | number> | undefined) : undefined;
    const sent = path.reduce<unknown>((value, key) => (value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined), raw);
    errors[name] = own ? t(own, { ...params, field }) : messageOf(issue, sent, field, t);
  }
  return errors;
}

const isEmpty = (value: unknown) => value === undefined || value === null || (typeof value === "string" && value.trim() === "");

function messageOf(issue: z.core.$ZodIssue, raw: unknown, field: string, t: Translate): string {
  if (raw instanceof Unmatched) return t(raw.message, { field });
  switch (issue.code) {
    case "invalid_type":
      if (isEmpty(raw)) return t("form.error.required", { field });
      return issue.expected === "number" || issue.expected === "int" ? t("form.error.number", { field }) : t("form.error.invalid", { field });
    case "too_small": {
      const min = Number(issue.minimum);
      if (issue.origin === "string") return min <= 1 ? t("form.error.required", { field }) : t("form.error.tooShort", { field, min });
      if (issue.origin === "array" || issue.origin === "set") return t("form.error.required", { field });
      return t("form.error.min", { field, min });
    }
    case "too_big": {
      const max = Number(issue.maximum);
      return issue.origin === "string" ? t("form.error.tooLong", { field, max }) : t("form.error.max", { field, max });
    }
    case "invalid_value":
      return t("form.error.choice", { field });
    case "invalid_format":
      if (issue.format === "email") return t("form.error.email", { field });
      if (issue.format === "date" || issue.format === "datetime") return t("form.error.date", { field });
      return isEmpty(raw) ? t("form.error.required", { field }) : t("form.error.format", { field });
    case "custom":
      // lib/domain/shared/one-line-name.ts: every form with a one-line name says it the same way.
      if (issue.message === "controlCharacters") return t("form.error.controlCharacters", { field });
      return isEmpty(raw) ? t("form.error.required", { field }) : t("form.error.invalid", { field });
    default:
      return isEmpty(raw) ? t("form.error.required", { field }) : t("form.error.invalid", { field });
  }
}
