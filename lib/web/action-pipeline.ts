import type { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { Permission } from "@/lib/domain/access/permissions";
import type { SessionPerson } from "@/lib/domain/auth/session-person";
import { databaseViolation, type DatabaseViolation } from "@/lib/domain/shared/db-errors";
import type { Failure } from "@/lib/domain/shared/result";
import { isMessageKey, type MessageKey, type Translate } from "@/lib/i18n/translate";
import type { ActionResult } from "./action-result";
import { fieldErrorsOf, type FieldLabels, type FieldNames } from "./field-errors";
import { typedValues } from "./form-data";

/**
 * The one server-action pipeline: who is asking → the form parsed with zod → the domain call → one mapping of
 * refusals (the domain's codes and the database's violations) to messages → revalidate. Every answer is an
 * ActionResult that ActionForm shows, with field errors beside their fields and the typed values kept.
 * This file knows nothing of Next.js (lib/web/action.ts binds it), so its tests run in plain Vitest.
 */

/** Who may call: anyone (public forms), any logged-in person (the domain decides what they may do), or a permission. */
export type Caller = "anyone" | "user" | Permission;
export type Actor<C extends Caller> = C extends "anyone" ? SessionPerson | null : SessionPerson;

/**
 * A domain refusal, whatever its area: the shared Failure (`lib/domain/shared/result.ts`); `fieldErrors` when
 * several fields are refused at once, each with its message in words (e.g. a booking's start and end); `data` what
 * the page still shows with the refusal (an import's preview naming its bad lines).
 */
export type Refusal<D = unknown> = Failure<string, { fieldErrors?: Record<string, string>; data?: D }>;
/** Success: an optional message for the form, or a page to go to (after revalidation); a new secret shown once. */
export interface Done<D = unknown> {
  ok: true;
  message?: string;
  redirect?: string;
  /** A token or key just made: it travels to the browser in this answer only (SecretOnceForm shows it). */
  secret?: string;
  /** What the form keeps after success (the machine just booked stays chosen). */
  values?: Record<string, string>;
  /** What the page shows beside the message, typed per action (an import's dry-run preview). */
  data?: D;
}

export interface ActionContext<C extends Caller, I> {
  actor: Actor<C>;
  db: Db;
  t: Translate;
  input: I;
  formData: FormData;
}

export interface ActionSpec<C extends Caller, S extends z.ZodType, B extends unknown[], R extends Refusal<D> = Refusal<never>, D = unknown> {
  caller: C;
  /** The input's rules: reuse the domain's own schema where there is one, so each rule is written once. */
  input: S;
  /**
   * The form's text as the schema's input shape (numbers, checkboxes, lists); by default every text field as sent.
   * Values stay unchecked here (a select can send anything): the schema decides.
   */
  read?: (formData: FormData) => FormValues<S> | Promise<FormValues<S>>;
  /** Arguments a page bound to the action (ids): the browser sends them back, so they are checked too. */
  bound?: z.ZodType<B>;
  labels?: FieldLabels;
  /** The schema's own messages (a refine's "notOffered") → what to say, naming the field by its label. */
  issueMessages?: Record<string, MessageKey>;
  run(ctx: ActionContext<C, z.output<S>>, ...bound: B): Promise<R | Done<D>>;
  /** A domain refusal's message: the catalog prefix (`inv.error` → `inv.error.<code>`), or a function. */
  refusals: string | ((refusal: R, t: Translate) => string);
  /**
   * The form field of a schema path where the schema is the domain's and names differ ("recurrence.until" → "until"),
   * or a function of the path and the form's values (a list's line → that line's own field).
   */
  fields?: FieldNames;
  /** Domain refusal codes that are about one field (e.g. location_cycle → parentId), when the domain names none. */
  refusalFields?: Record<string, string>;
  /** Named constraints the database may refuse with: which field it is about and what to say. */
  constraints?: Record<string, { field?: string; message: MessageKey }>;
  /** Paths to revalidate after success; "layout" revalidates everything below. */
  revalidate?: readonly (string | readonly [string, "layout" | "page"])[];
}

/** What the pipeline needs from the web framework; lib/web/action.ts gives Next's, tests their own. */
export interface ActionDeps {
  currentUser(): Promise<SessionPerson | null>;
  translator(): Promise<Translate>;
  db(): Db;
  revalidate(path: string, type?: "layout" | "page"): void;
  redirect(path: string): never;
}

type FormValues<S extends z.ZodType> = { [K in keyof z.input<S>]?: unknown };

export type FormAction<B extends unknown[], D = unknown> = (...args: [...B, ActionResult<D> | null, FormData]) => Promise<ActionResult<D>>;

export function createAction<C extends Caller, S extends z.ZodType, B extends unknown[] = [], R extends Refusal<D> = Refusal<never>, D = unknown>(
  spec: ActionSpec<C, S, B, R, D>,
  deps: ActionDeps,
): FormAction<B, D> {
  return async (...args) => {
    // React passes (previous result, formData) after the bound arguments; a plain <form action> only formData.
    const formData = args[args.length - 1] as FormData;
    const previous = args[args.length - 2];
    const boundArgs = args.slice(0, previous === null || isResult(previous) ? -2 : -1);
    const [user, t] = await Promise.all([deps.currentUser(), deps.translator()]);
    const refuse = (code: string, message: string, fieldErrors?: Record<string, string>, data?: D): ActionResult<D> => ({
      ok: false,
      code,
      message,
      ...(fieldErrors && Object.keys(fieldErrors).length ? { fieldErrors } : {}),
      values: typedValues(formData),
      ...(data === undefined ? {} : { data }),
    });

    if (spec.caller !== "anyone" && !user) return refuse("unauthenticated", t("form.error.loggedOut"));
    if (spec.caller !== "anyone" && spec.caller !== "user" && !user!.permissions.has(spec.caller)) return refuse("forbidden", t("form.error.forbidden"));

    const bound = spec.bound ? spec.bound.safeParse(boundArgs) : { success: true as const, data: boundArgs as B };
    if (!bound.success) return refuse("invalid", t("form.error.stale"));

    const raw = spec.read ? await spec.read(formData) : textFields(formData);
    const parsed = spec.input.safeParse(raw);
    if (!parsed.success) {
      const fieldErrors = fieldErrorsOf(parsed.error.issues, raw as Record<string, unknown>, spec.labels ?? {}, t, spec.issueMessages, spec.fields);
      const messages = Object.values(fieldErrors);
      const labels = Object.keys(fieldErrors).map((name) => (spec.labels?.[name] ? t(spec.labels[name]) : name));
      return refuse("invalid", messages.length === 1 ? messages[0]! : t("form.error.fields", { fields: labels.join(", ") }), fieldErrors);
    }

    let outcome: R | Done<D>;
    try {
      const ctx = { actor: user as Actor<C>, db: deps.db(), t, input: parsed.data as z.output<S>, formData };
      outcome = await spec.run(ctx, ...bound.data);
    } catch (error) {
      const violation = databaseViolation(error);
      if (!violation) throw error;
      const { code, message, field } = violationMessage(violation, spec, t);
      return refuse(code, message, field ? { [field]: message } : undefined);
    }

    if (!outcome.ok) {
      const field = outcome.field ?? spec.refusalFields?.[outcome.code];
      const label = field && spec.labels?.[field] ? t(spec.labels[field]) : undefined;
      const message = typeof spec.refusals === "function" ? spec.refusals(outcome, t) : refusalMessage(spec.refusals, outcome, t, label);
      return refuse(outcome.code, message, { ...(field ? { [field]: message } : {}), ...outcome.fieldErrors }, outcome.data);
    }
    for (const path of spec.revalidate ?? []) {
      if (typeof path === "string") deps.revalidate(path);
      else deps.revalidate(path[0], path[1]);
    }
    if (outcome.redirect) deps.redirect(outcome.redirect);
    const { message, secret, values, data } = outcome;
    return { ok: true, ...(message ? { message } : {}), ...(secret ? { secret } : {}), ...(values ? { values } : {}), ...(data === undefined ? {} : { data }) };
  };
}

const isResult = (value: unknown) => typeof value === "object" && value !== null && "ok" in value;

/** Every text field as sent (files are read by the action's own `read`). */
export function textFields(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === "string" && !key.startsWith("$")) out[key] = value;
  return out;
}

function refusalMessage(prefix: string, refusal: Refusal, t: Translate, label?: string): string {
  const key = `${prefix}.${refusal.code}`;
  if (refusal.code === "invalid" && label) return unexplainedRefusal(refusal, t, label);
  if (isMessageKey(key)) return t(key, { field: label ?? "" });
  return unexplainedRefusal(refusal, t, label);
}

/**
 * A refusal the area has no message for. "invalid" after the form's own schema let the input through: beside its
 * field by label when the domain names one, else the form sent what the page did not offer (it is out of date).
 * Never "please check your input": app/form-answers.int.test.ts holds that.
 */
export function unexplainedRefusal(refusal: { code: string }, t: Translate, label?: string): string {
  if (refusal.code !== "invalid") return t("form.error.forbidden");
  return label ? t("form.error.invalid", { field: label }) : t("form.error.stale");
}

function violationMessage(
  v: DatabaseViolation,
  spec: { constraints?: ActionSpec<Caller, z.ZodType, unknown[]>["constraints"]; labels?: FieldLabels },
  t: Translate,
) {
  const known = spec.constraints?.[v.constraint];
  const field = known?.field;
  const label = field && spec.labels?.[field] ? t(spec.labels[field]) : (field ?? "");
  if (known) return { code: v.kind, message: t(known.message, { field: label }), field };
  const generic: Record<DatabaseViolation["kind"], MessageKey> = {
    unique: "form.error.unique",
    foreign_key: "form.error.foreignKey",
    check: "form.error.check",
    not_null: "form.error.check",
    exclusion: "form.error.overlap",
  };
  return { code: v.kind, message: t(generic[v.kind]), field: undefined };
}
