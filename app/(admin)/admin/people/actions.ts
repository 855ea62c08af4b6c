"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { erasePerson } from "@/lib/domain/people/erase-person";
import { addMembership } from "@/lib/domain/people/membership-service";
import { changeStatus, createPersonRecord, updateProfile } from "@/lib/domain/people/person-service";
import { getT } from "@/lib/i18n/server";
import type { ActionResult } from "@/lib/web/action-result";
import { mailStatusChanged, statusOf } from "@/lib/domain/people/application-mail";
import { getDb } from "@/lib/web/db";
import { getMailer } from "@/lib/web/mailer";
import { getFileStorage } from "@/lib/storage/storage-from-env";
import { getLogger } from "@/lib/web/logger";
import { formInt, formString, profileFromForm } from "@/lib/web/people-forms";
import { notifySubscribersSoon, refusal } from "@/lib/web/people-actions";

async function fieldLabels() {
  const t = await getT();
  return {
    t,
    labels: {
      firstName: t("profile.firstName"),
      lastName: t("profile.lastName"),
      email: t("profile.email"),
      phone: t("profile.phone"),
      studies: t("profile.studies"),
      statusId: t("people.col.status"),
      reason: t("person.reason"),
      validFrom: t("membership.validFrom"),
      validUntil: t("membership.validUntil"),
      typeId: t("membership.type"),
      confirmBanned: t("person.erase.confirmBanned"),
    },
  };
}

/** Each action: who is asking (the domain checks what they may do), parse, call the domain, revalidate. */
export async function createPersonAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const [user, { t, labels }] = await Promise.all([getCurrentUser(), fieldLabels()]);
  if (!user) return { ok: false, code: "forbidden", message: t("people.error.forbidden") };
  const result = await createPersonRecord(getDb(), user.personId, { statusId: formInt(formData, "statusId"), profile: profileFromForm(formData) });
  if (!result.ok) return refusal(t, result, formData, labels);
  notifySubscribersSoon();
  revalidatePath("/admin/people");
  redirect(`/admin/people/${result.personId}`);
}

export async function updatePersonAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const [user, { t, labels }] = await Promise.all([getCurrentUser(), fieldLabels()]);
  if (!user) return { ok: false, code: "forbidden", message: t("people.error.forbidden") };
  const personId = formInt(formData, "personId");
  const result = await updateProfile(getDb(), user.personId, personId, profileFromForm(formData));
  if (!result.ok) return refusal(t, result, formData, labels);
  notifySubscribersSoon();
  revalidatePath(`/admin/people/${personId}`);
  return { ok: true, message: t("people.saved") };
}

export async function changeStatusAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const [user, { t, labels }] = await Promise.all([getCurrentUser(), fieldLabels()]);
  if (!user) return { ok: false, code: "forbidden", message: t("people.error.forbidden") };
  const personId = formInt(formData, "personId");
  const before = await statusOf(getDb(), personId);
  const result = await changeStatus(getDb(), user.personId, personId, { statusId: formInt(formData, "statusId"), reason: formString(formData, "reason") });
  if (!result.ok) return refusal(t, result, formData, labels);
  if (before) await mailStatusChanged(getDb(), getMailer(), personId, before);
  notifySubscribersSoon();
  revalidatePath(`/admin/people/${personId}`);
  return { ok: true, message: t("people.saved") };
}

export async function addMembershipAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const [user, { t, labels }] = await Promise.all([getCurrentUser(), fieldLabels()]);
  if (!user) return { ok: false, code: "forbidden", message: t("people.error.forbidden") };
  const personId = formInt(formData, "personId");
  const result = await addMembership(getDb(), user.personId, personId, {
    typeId: formInt(formData, "typeId"),
    validFrom: formString(formData, "validFrom"),
    validUntil: formString(formData, "validUntil") || null,
    endsAtYearEnd: formData.get("endsAtYearEnd") === "on",
  });
  if (!result.ok) return refusal(t, result, formData, labels);
  notifySubscribersSoon();
  revalidatePath(`/admin/people/${personId}`);
  return { ok: true, message: t("people.saved") };
}

export async function erasePersonAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const [user, { t, labels }] = await Promise.all([getCurrentUser(), fieldLabels()]);
  if (!user) return { ok: false, code: "forbidden", message: t("people.error.forbidden") };
  const personId = formInt(formData, "personId");
  const result = await erasePerson(
    getDb(),
    user.personId,
    personId,
    { reason: formString(formData, "reason"), confirmBanned: formData.get("confirmBanned") === "on" },
    { photos: getFileStorage(), logger: getLogger() },
  );
  if (!result.ok) return refusal(t, result, formData, labels);
  notifySubscribersSoon();
  revalidatePath(`/admin/people/${personId}`);
  return { ok: true, message: t("person.erase.done") };
}
