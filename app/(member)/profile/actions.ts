"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { addAddress, removeAddress, setMainAddress } from "@/lib/domain/people/address-service";
import { updateProfile } from "@/lib/domain/people/person-service";
import { setVisibility } from "@/lib/domain/people/profile-settings";
import { VISIBILITY_FIELDS } from "@/lib/domain/people/visibility";
import { getT } from "@/lib/i18n/server";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";
import { notifySubscribersSoon, refusal } from "@/lib/web/people-actions";
import { formInt, formString, profileFromForm } from "@/lib/web/people-forms";

/** Self-service: every action acts on the logged-in person only; the domain checks that again. */
async function me() {
  const [user, t] = await Promise.all([getCurrentUser(), getT()]);
  const labels = { firstName: t("profile.firstName"), lastName: t("profile.lastName"), email: t("profile.email"), phone: t("profile.phone"), studies: t("profile.studies"), street: t("address.street"), city: t("address.city"), postalCode: t("address.postalCode"), typeId: t("address.type") };
  return { user, t, labels };
}

function done(t: Awaited<ReturnType<typeof getT>>): ActionResult {
  notifySubscribersSoon();
  revalidatePath("/profile");
  revalidatePath("/directory");
  return { ok: true, message: t("people.saved") };
}

export async function updateOwnProfileAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const { user, t, labels } = await me();
  if (!user) return { ok: false, code: "forbidden", message: t("people.error.forbidden") };
  const result = await updateProfile(getDb(), user.personId, user.personId, profileFromForm(formData));
  return result.ok ? done(t) : refusal(t, result, formData, labels);
}

export async function setOwnVisibilityAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const { user, t, labels } = await me();
  if (!user) return { ok: false, code: "forbidden", message: t("people.error.forbidden") };
  const visibility = Object.fromEntries(VISIBILITY_FIELDS.map((f) => [f, formString(formData, `visibility.${f}`)]));
  const result = await setVisibility(getDb(), user.personId, user.personId, { visibility, boardOnly: formData.get("boardOnly") === "on" });
  return result.ok ? done(t) : refusal(t, result, formData, labels);
}

export async function addOwnAddressAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const { user, t, labels } = await me();
  if (!user) return { ok: false, code: "forbidden", message: t("people.error.forbidden") };
  const result = await addAddress(getDb(), user.personId, user.personId, {
    typeId: formInt(formData, "typeId"),
    street: formString(formData, "street"),
    extra: formString(formData, "extra"),
    postalCode: formString(formData, "postalCode"),
    city: formString(formData, "city"),
    country: formString(formData, "country"),
    isMain: formData.get("isMain") === "on",
  });
  return result.ok ? done(t) : refusal(t, result, formData, labels);
}

export async function ownAddressAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const { user, t, labels } = await me();
  if (!user) return { ok: false, code: "forbidden", message: t("people.error.forbidden") };
  const addressId = formInt(formData, "addressId");
  const result = formString(formData, "op") === "remove" ? await removeAddress(getDb(), user.personId, user.personId, addressId) : await setMainAddress(getDb(), user.personId, user.personId, addressId);
  return result.ok ? done(t) : refusal(t, result, formData, labels);
}
