"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { shareAddress } from "@/lib/domain/people/address-service";
import { linkPartnerByRef } from "@/lib/domain/people/partner-link";
import { setPartner } from "@/lib/domain/people/profile-settings";
import { getT } from "@/lib/i18n/server";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";
import { notifySubscribersSoon, refusal } from "@/lib/web/people-actions";
import { formInt, formString } from "@/lib/web/people-forms";

/** Partner link, unlink and address sharing; the domain checks members.write (and the partners' rights). */
export async function partnerAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const [user, t] = await Promise.all([getCurrentUser(), getT()]);
  if (!user) return { ok: false, code: "forbidden", message: t("people.error.forbidden") };
  const db = getDb();
  const personId = formInt(formData, "personId");
  const op = formString(formData, "op");
  const result =
    op === "unlink"
      ? await setPartner(db, user.personId, personId, null)
      : op === "share"
        ? await shareAddress(db, user.personId, formInt(formData, "addressId"), personId, formInt(formData, "partnerId"))
        : await linkPartnerByRef(db, user.personId, personId, formString(formData, "partner"), formData.get("mayEdit") === "on");
  if (!result.ok) {
    if (result.code === "not_found" && result.field === "partner") return { ok: false, code: result.code, message: t("partner.notFound"), values: { partner: formString(formData, "partner") } };
    return refusal(t, result, formData, { partnerPersonId: t("partner.title") });
  }
  notifySubscribersSoon();
  revalidatePath(`/admin/people/${personId}`);
  revalidatePath("/admin/people/[id]", "page");
  return { ok: true, message: t("people.saved") };
}
