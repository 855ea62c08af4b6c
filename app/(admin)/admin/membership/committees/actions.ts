"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { deleteCommittee, deleteFunction, resolvePersonRef, updateCommittee, updateFunction } from "@/lib/domain/people/committee-admin";
import { assignFunction, createCommittee, createFunction, endFunction } from "@/lib/domain/people/committee-service";
import type { Result } from "@/lib/domain/people/result";
import { getT } from "@/lib/i18n/server";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";
import { notifySubscribersSoon } from "@/lib/web/people-actions";
import { adminRefusal, formIds, formText } from "@/lib/web/people-admin-actions";

/** Runs one committee service for the logged-in person and turns its answer into the form's message. */
async function run(entity: "committee" | "function", formData: FormData | undefined, call: (db: ReturnType<typeof getDb>, actorId: number) => Promise<Result>, ok: "pa.saved" | "pa.deleted"): Promise<ActionResult> {
  const [user, t] = await Promise.all([getCurrentUser(), getT()]);
  if (!user) return { ok: false, code: "forbidden", message: t("people.error.forbidden") };
  const result = await call(getDb(), user.personId);
  if (!result.ok) return adminRefusal(t, result, entity, formData, { name: entity === "committee" ? t("pa.name") : t("pa.function.name"), description: t("pa.description"), roles: t("pa.roles"), since: t("pa.holder.since"), until: t("pa.holder.until") });
  notifySubscribersSoon();
  revalidatePath("/admin/membership/committees");
  return { ok: true, message: t(ok) };
}

export async function createCommitteeAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run("committee", formData, (db, actor) => createCommittee(db, actor, { name: formText(formData, "name"), description: formText(formData, "description") }), "pa.saved");
}

export async function updateCommitteeAction(id: number, _prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run("committee", formData, (db, actor) => updateCommittee(db, actor, id, { name: formText(formData, "name"), description: formText(formData, "description") }), "pa.saved");
}

export async function deleteCommitteeAction(id: number, _prev: ActionResult | null): Promise<ActionResult> {
  return run("committee", undefined, (db, actor) => deleteCommittee(db, actor, id), "pa.deleted");
}

export async function createFunctionAction(committeeId: number, _prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run("function", formData, (db, actor) => createFunction(db, actor, { committeeId, name: formText(formData, "name"), roleIds: formIds(formData, "roleId") }), "pa.saved");
}

export async function updateFunctionAction(id: number, _prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run("function", formData, (db, actor) => updateFunction(db, actor, id, { name: formText(formData, "name"), roleIds: formIds(formData, "roleId") }), "pa.saved");
}

export async function deleteFunctionAction(id: number, _prev: ActionResult | null): Promise<ActionResult> {
  return run("function", undefined, (db, actor) => deleteFunction(db, actor, id), "pa.deleted");
}

/** Someone takes up a function: the admin names them by member number, email or #id. */
export async function assignFunctionAction(functionId: number, _prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const [user, t] = await Promise.all([getCurrentUser(), getT()]);
  // Who asks comes first: otherwise anyone could probe which numbers and emails exist.
  if (!user?.permissions.has("members.write")) return { ok: false, code: "forbidden", message: t("people.error.forbidden") };
  const personId = await resolvePersonRef(getDb(), formText(formData, "person"));
  if (personId === null) return { ok: false, code: "invalid", message: t("pa.holder.unknown"), values: { person: formText(formData, "person"), since: formText(formData, "since"), until: formText(formData, "until") } };
  return run("function", formData, (db, actor) => assignFunction(db, actor, { functionId, personId, since: formText(formData, "since"), until: formText(formData, "until") || null }), "pa.saved");
}

export async function endFunctionAction(holderId: number, _prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run("function", formData, (db, actor) => endFunction(db, actor, holderId, formText(formData, "until")), "pa.saved");
}
