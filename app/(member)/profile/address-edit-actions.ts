"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { updateAddress } from "@/lib/domain/people/address-service";
import { getT } from "@/lib/i18n/server";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";
import { notifySubscribersSoon, refusal } from "@/lib/web/people-actions";
import { formInt, formString } from "@/lib/web/people-forms";

/**
 * Edits one address: the member's own (no personId), or a person's on the admin person page. The domain checks
 * that the logged-in person may edit it (self, members.write, or the partner where the admin allowed it).
 */
export async function updateAddressAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const [user, t] = await Promise.all([getCurrentUser(), getT()]);
  if (!user) return { ok: false, code: "forbidden", message: t("people.error.forbidden") };
  const personId = formData.has("personId") ? formInt(formData, "personId") : user.personId;
  const result = await updateAddress(getDb(), user.personId, personId, formInt(formData, "addressId"), {
    street: formString(formData, "street"),
    extra: formString(formData, "extra"),
    postalCode: formString(formData, "postalCode"),
    city: formString(formData, "city"),
    country: formString(formData, "country"),
  });
  if (!result.ok) {
    const labels = { street: t("address.street"), extra: t("address.extra"), postalCode: t("address.postalCode"), city: t("address.city"), country: t("address.country") };
    return refusal(t, result, formData, labels);
  }
  notifySubscribersSoon();
  revalidatePath("/profile");
  revalidatePath("/directory");
  revalidatePath("/admin/people/[id]", "page");
  return { ok: true, message: t("address.saved") };
}
