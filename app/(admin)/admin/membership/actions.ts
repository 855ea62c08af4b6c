"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { runEndOfYearOn } from "@/lib/domain/people/membership-service";
import { deleteAddressType, deleteMembershipType, deleteStatus } from "@/lib/domain/people/reference-delete";
import { saveAddressType, saveMembershipType, saveStatusWithRoles } from "@/lib/domain/people/reference-service";
import { getT } from "@/lib/i18n/server";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";
import { notifySubscribersSoon } from "@/lib/web/people-actions";
import { adminRefusal, centsFrom, formFlag, formIds, formText, type InUseEntity } from "@/lib/web/people-admin-actions";

async function context() {
  const [user, t] = await Promise.all([getCurrentUser(), getT()]);
  const labels = { key: t("pa.key"), name: t("pa.name"), feeCents: t("pa.fee"), billingPeriod: t("pa.billingPeriod"), sortOrder: t("pa.sortOrder"), roles: t("pa.roles"), lastDay: t("pa.endOfYear.lastDay") };
  return { user, t, labels };
}

function done(t: Awaited<ReturnType<typeof getT>>, message: "pa.saved" | "pa.deleted"): ActionResult {
  notifySubscribersSoon();
  revalidatePath("/admin/membership", "layout");
  return { ok: true, message: t(message) };
}

/** Who asks is checked here; what they may do is checked by the domain service. */
export async function saveStatusAction(id: number | null, _prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const { user, t, labels } = await context();
  if (!user) return { ok: false, code: "forbidden", message: t("people.error.forbidden") };
  // Flags and roles in one transaction: a refused roles step leaves no half-saved status.
  const result = await saveStatusWithRoles(getDb(), user.personId, id, {
    key: formText(formData, "key"),
    name: formText(formData, "name"),
    mayLogIn: formFlag(formData, "mayLogIn"),
    mayUseMachines: formFlag(formData, "mayUseMachines"),
    inDirectory: formFlag(formData, "inDirectory"),
    mayVote: formFlag(formData, "mayVote"),
    sortOrder: formText(formData, "sortOrder") || 0,
  }, formIds(formData, "roleId"));
  if (!result.ok) return adminRefusal(t, result, "status", formData, labels);
  return done(t, "pa.saved");
}

export async function saveTypeAction(id: number | null, _prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const { user, t, labels } = await context();
  if (!user) return { ok: false, code: "forbidden", message: t("people.error.forbidden") };
  const result = await saveMembershipType(getDb(), user.personId, id, {
    key: formText(formData, "key"),
    name: formText(formData, "name"),
    feeCents: centsFrom(formText(formData, "fee")),
    billingPeriod: formText(formData, "billingPeriod") as "yearly",
    partnerRate: formFlag(formData, "partnerRate"),
    active: formFlag(formData, "active"),
    sortOrder: formText(formData, "sortOrder") || 0,
  });
  if (!result.ok) return adminRefusal(t, result, "type", formData, labels);
  return done(t, "pa.saved");
}

export async function saveAddressTypeAction(id: number | null, _prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const { user, t, labels } = await context();
  if (!user) return { ok: false, code: "forbidden", message: t("people.error.forbidden") };
  const result = await saveAddressType(getDb(), user.personId, id, { key: formText(formData, "key"), name: formText(formData, "name"), sortOrder: formText(formData, "sortOrder") || 0 });
  if (!result.ok) return adminRefusal(t, result, "addressType", formData, labels);
  return done(t, "pa.saved");
}

const deleters = { status: deleteStatus, type: deleteMembershipType, addressType: deleteAddressType } as const;

export async function deleteReferenceAction(entity: Exclude<InUseEntity, "committee" | "function">, id: number, _prev: ActionResult | null): Promise<ActionResult> {
  const { user, t } = await context();
  if (!user) return { ok: false, code: "forbidden", message: t("people.error.forbidden") };
  if (!Object.hasOwn(deleters, entity)) return { ok: false, code: "invalid", message: t("people.error.not_found") };
  const result = await deleters[entity](getDb(), user.personId, id);
  if (!result.ok) return adminRefusal(t, result, entity);
  return done(t, "pa.deleted");
}

export async function endOfYearAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const { user, t, labels } = await context();
  if (!user) return { ok: false, code: "forbidden", message: t("people.error.forbidden") };
  const lastDay = formText(formData, "lastDay");
  if (!formFlag(formData, "confirm")) return { ok: false, code: "needs_confirmation", message: t("pa.endOfYear.needsConfirm"), values: { lastDay } };
  const result = await runEndOfYearOn(getDb(), user.personId, lastDay);
  if (!result.ok) return adminRefusal(t, result, "status", formData, labels);
  notifySubscribersSoon();
  revalidatePath("/admin/people");
  revalidatePath("/admin/membership");
  const done = t("pa.endOfYear.done", { count: result.moved.length });
  return { ok: true, message: result.skipped.length ? `${done} ${t("access.endOfYear.skipped", { count: result.skipped.length })}` : done };
}
