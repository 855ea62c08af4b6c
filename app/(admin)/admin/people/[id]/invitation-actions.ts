"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { invitePerson, revokeInvitation } from "@/lib/domain/auth/invitations";
import { getT } from "@/lib/i18n/server";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";
import { getMailer } from "@/lib/web/mailer";
import { formInt } from "@/lib/web/people-forms";

/** Send or resend a person's invitation (the domain checks members.write and rank). */
export async function invitePersonAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const [user, t] = await Promise.all([getCurrentUser(), getT()]);
  if (!user) return { ok: false, code: "forbidden", message: t("invite.error.forbidden") };
  const personId = formInt(formData, "personId");
  const result = await invitePerson(getDb(), getMailer(), user.personId, personId);
  if (!result.ok) return { ok: false, code: result.code, message: t(`invite.error.${result.code}`) };
  revalidatePath(`/admin/people/${personId}`);
  return { ok: true, message: t("invite.sent") };
}

export async function revokeInvitationAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const [user, t] = await Promise.all([getCurrentUser(), getT()]);
  if (!user) return { ok: false, code: "forbidden", message: t("invite.error.forbidden") };
  const personId = formInt(formData, "personId");
  const result = await revokeInvitation(getDb(), user.personId, personId);
  if (!result.ok) {
    const code = result.code === "forbidden" || result.code === "outranks_you" || result.code === "exceeds_own_permissions" ? result.code : "invalid_token";
    return { ok: false, code, message: t(`invite.error.${code}`) };
  }
  revalidatePath(`/admin/people/${personId}`);
  return { ok: true, message: t("invite.revoked") };
}
