"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { endPersonRole, grantPersonRole } from "@/lib/domain/access/person-roles";
import { setLoginEmail } from "@/lib/domain/auth/email-change";
import { getT } from "@/lib/i18n/server";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";
import { getMailer } from "@/lib/web/mailer";
import { notifySubscribersSoon, refusal } from "@/lib/web/people-actions";
import { formInt } from "@/lib/web/people-forms";

/** A system admin sets someone's login email (the domain refuses everyone else and anyone above the admin). */
export async function setLoginEmailAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const [user, t] = await Promise.all([getCurrentUser(), getT()]);
  if (!user) return { ok: false, code: "forbidden", message: t("loginEmail.error.forbidden") };
  const personId = formInt(formData, "personId");
  const newEmail = String(formData.get("newEmail") ?? "");
  const result = await setLoginEmail(getDb(), getMailer(), user.personId, personId, newEmail);
  if (!result.ok) return { ok: false, code: result.code, message: t(`loginEmail.error.${result.code}`), values: { newEmail } };
  notifySubscribersSoon();
  revalidatePath(`/admin/people/${personId}`);
  return { ok: true, message: t("access.loginEmailSet") };
}

/** Gives a person one role directly, from a day through an optional last day (system admins, contained). */
export async function grantPersonRoleAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const [user, t] = await Promise.all([getCurrentUser(), getT()]);
  if (!user) return { ok: false, code: "forbidden", message: t("people.error.forbidden") };
  const personId = formInt(formData, "personId");
  const until = String(formData.get("until") ?? "").trim();
  const input = { roleId: formInt(formData, "roleId"), since: String(formData.get("since") ?? "").trim(), until: until === "" ? null : until };
  const result = await grantPersonRole(getDb(), user.personId, personId, input);
  if (!result.ok) return refusal(t, result, formData, { roleId: t("access.role"), since: t("access.role.since"), until: t("access.role.until") });
  notifySubscribersSoon();
  revalidatePath(`/admin/people/${personId}`);
  return { ok: true, message: t("access.role.granted") };
}

/** Ends a directly held role now (it counted through yesterday); kept as history. */
export async function endPersonRoleAction(personId: number, roleId: number, _prev: ActionResult | null): Promise<ActionResult> {
  const [user, t] = await Promise.all([getCurrentUser(), getT()]);
  if (!user) return { ok: false, code: "forbidden", message: t("people.error.forbidden") };
  const result = await endPersonRole(getDb(), user.personId, personId, roleId);
  if (!result.ok) return refusal(t, result);
  notifySubscribersSoon();
  revalidatePath(`/admin/people/${personId}`);
  return { ok: true, message: t("access.role.ended") };
}
