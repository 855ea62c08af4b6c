"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { setPersonRoles } from "@/lib/domain/access/person-roles";
import { setLoginEmail } from "@/lib/domain/auth/email-change";
import { getT } from "@/lib/i18n/server";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";
import { getMailer } from "@/lib/web/mailer";
import { notifySubscribersSoon, refusal } from "@/lib/web/people-actions";
import { formIds } from "@/lib/web/people-admin-actions";
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

/** The roles a person holds directly (system admins, within their own permissions). */
export async function setPersonRolesAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const [user, t] = await Promise.all([getCurrentUser(), getT()]);
  if (!user) return { ok: false, code: "forbidden", message: t("people.error.forbidden") };
  const personId = formInt(formData, "personId");
  const result = await setPersonRoles(getDb(), user.personId, personId, formIds(formData, "roleId"));
  if (!result.ok) return refusal(t, result, formData, { roles: t("access.roles") });
  notifySubscribersSoon();
  revalidatePath(`/admin/people/${personId}`);
  return { ok: true, message: t("access.rolesSaved") };
}
