"use server";

import { z } from "zod";
import { shareAddress } from "@/lib/domain/people/address-service";
import { linkPartnerByRef } from "@/lib/domain/people/partner-link";
import { setPartner } from "@/lib/domain/people/profile-settings";
import type { Failure } from "@/lib/domain/people/result";
import type { Translate } from "@/lib/i18n/translate";
import { defineAction } from "@/lib/web/action";
import { checkbox, int, text } from "@/lib/web/form-data";
import { notifySubscribersSoon } from "@/lib/web/people-actions";
import { peopleRefusal } from "@/lib/web/people-admin-actions";

/*
 * A person's partner on the admin person page (bound: the person): link, unlink, share an address. The domain checks
 * members.write and that neither partner is above the actor.
 */
const labels = { partner: "partner.ref", partnerPersonId: "partner.title" } as const;
const partnerRefusal = (refusal: Failure, t: Translate) =>
  refusal.code === "not_found" && refusal.field === "partner" ? t("partner.notFound") : peopleRefusal(labels)(refusal, t);
const onPerson = {
  caller: "members.write",
  bound: z.tuple([z.number().int().positive()]),
  labels,
  refusals: partnerRefusal,
  revalidate: [["/admin/people/[id]", "page"]],
} as const;

async function saved(t: Translate) {
  notifySubscribersSoon();
  return { ok: true as const, message: t("people.saved") };
}

/** Link by member number or email (the people picker); "may edit" lets both edit the other's shared data. */
export const linkPartnerAction = defineAction({
  ...onPerson,
  input: z.object({ partner: z.string().trim().min(1).max(320), mayEdit: z.boolean() }),
  read: (formData) => ({ partner: text(formData, "partner"), mayEdit: checkbox(formData, "mayEdit") }),
  async run({ actor, db, t, input }, personId: number) {
    const linked = await linkPartnerByRef(db, actor.personId, personId, input.partner, input.mayEdit);
    return linked.ok ? saved(t) : linked;
  },
});

export const unlinkPartnerAction = defineAction({
  ...onPerson,
  input: z.object({}),
  async run({ actor, db, t }, personId: number) {
    const unlinked = await setPartner(db, actor.personId, personId, null);
    return unlinked.ok ? saved(t) : unlinked;
  },
});

/** Share one of the person's addresses with their partner. */
export const sharePartnerAddressAction = defineAction({
  ...onPerson,
  input: z.object({ addressId: z.number().int().positive(), partnerId: z.number().int().positive() }),
  read: (formData) => ({ addressId: int(formData, "addressId"), partnerId: int(formData, "partnerId") }),
  async run({ actor, db, t, input }, personId: number) {
    const shared = await shareAddress(db, actor.personId, input.addressId, personId, input.partnerId);
    return shared.ok ? saved(t) : shared;
  },
});
