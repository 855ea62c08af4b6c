import { isMessageKey, type Locale, type Translate } from "@/lib/i18n/translate";
import { formatDateTime, formatPlainDate } from "@/lib/time";
import { kindOfField, type AuditNames } from "./audit-names";
import { guardOfValue } from "./personal-fields";

/**
 * Audit entries in words for people: labels instead of change types and field keys, names instead of ids, local
 * times instead of ISO strings, lists and records as text instead of JSON. Every change type and field recorded
 * today has a label (audit-labels.test.ts); an entry of a kind an older version recorded is spelled out from its
 * key ("training_signup.attendance" → "Training signup: attendance"), never shown as is.
 */
export interface ReadableContext {
  t: Translate;
  locale: Locale;
  timeZone: string;
  names: AuditNames;
}

export interface ReadableRow {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

const words = (key: string) =>
  key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_.-]+/g, " ")
    .trim()
    .toLowerCase();
const capital = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

export function changeLabel(t: Translate, changeType: string): string {
  const key = `audit.type.${changeType}`;
  if (isMessageKey(key)) return t(key);
  const parts = changeType.split(".");
  const action = parts.pop() ?? "";
  return parts.length ? `${capital(words(parts.join(" ")))}: ${words(action)}` : capital(words(action));
}

export function fieldLabel(t: Translate, field: string): string {
  const key = `audit.field.${field}`;
  return isMessageKey(key) ? t(key) : capital(words(field.replace(/Ids?$/, "")));
}

/** Ids of records with no name to show (a loan, a session): internal, so the row is left out. */
export const internalId = (field: string) => field === "id" || (/Ids?$/.test(field) && kindOfField(field) === null);

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function valueText(ctx: ReadableContext, field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "–";
  const kind = kindOfField(field);
  if (kind && (typeof value === "number" || typeof value === "string")) {
    const name = ctx.names[kind].get(String(value));
    if (name) return name;
    if (kind === "person" && ctx.names.hiddenPeople.has(String(value))) return ctx.t("picker.hiddenName");
    if (kind === "status" && typeof value === "string" && isMessageKey(`status.${value}`)) return ctx.t(`status.${value}` as never);
    if (typeof value === "number") return ctx.t(kind === "person" ? "audit.value.formerPerson" : "audit.value.removed");
  }
  if (Array.isArray(value)) return value.length ? value.map((v) => valueText(ctx, field, v)).join(", ") : "–";
  if (typeof value === "boolean") return ctx.t(value ? "audit.value.yes" : "audit.value.no");
  if (value instanceof Date) return formatDateTime(value, ctx.locale, ctx.timeZone);
  if (typeof value === "string") {
    if (ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return formatDateTime(new Date(value), ctx.locale, ctx.timeZone);
    if (PLAIN_DATE.test(value)) return formatPlainDate(value, ctx.locale);
    return value;
  }
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .filter(([k]) => !internalId(k))
      .map(([k, v]) => `${fieldLabel(ctx.t, k)}: ${valueText(ctx, k, v)}`)
      .join("; ");
  }
  return String(value);
}

/** An entry as readableRows reads it: the subject and change type say whose personal values it records. */
export interface RecordedChange {
  changeType?: string;
  subjectPersonId?: number | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/**
 * May the reader see this recorded value of the entry's subject (personal-fields.ts: the profile field guarding it,
 * auditNames: what the reader sees of that person)? Values that are no one's personal data: yes.
 */
export function valueShown(ctx: ReadableContext, entry: RecordedChange, field: string): boolean {
  const guard = guardOfValue(entry, field);
  if (guard === null) return true;
  const seen = ctx.names.fieldsSeen.get(String(entry.subjectPersonId)) ?? ctx.names.fieldsSeenOfAnyone;
  return seen.has(guard);
}

/**
 * The changed fields of one entry, labelled and in words; internal ids left out. A personal value of the subject's
 * the reader may not see reads "Not shown" on both sides (even an empty one: that they had none is theirs too).
 */
export function readableRows(ctx: ReadableContext, entry: RecordedChange): ReadableRow[] {
  const fields = [...new Set([...Object.keys(entry.before ?? {}), ...Object.keys(entry.after ?? {})])].filter((f) => !internalId(f));
  return fields.map((field) => {
    const text = (side: Record<string, unknown> | null) =>
      side && field in side ? (valueShown(ctx, entry, field) ? valueText(ctx, field, side[field]) : ctx.t("audit.value.notShown")) : null;
    return { field, label: fieldLabel(ctx.t, field), before: text(entry.before), after: text(entry.after) };
  });
}

/**
 * Who acted, by name; "the system" without an actor; a name the reader may not see as "Name not shown" (as
 * nameShownTo's callers show it); an erased person as a former member, never "#12".
 */
export function actorText(ctx: ReadableContext, actorId: number | null): string {
  if (actorId === null) return ctx.t("audit.system");
  const id = String(actorId);
  const hidden = ctx.names.hiddenPeople.has(id) ? ctx.t("picker.hiddenName") : null;
  return ctx.t("audit.by", { name: ctx.names.person.get(id) ?? hidden ?? ctx.t("audit.value.formerPerson") });
}
