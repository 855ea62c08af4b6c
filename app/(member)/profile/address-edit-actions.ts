"use server";

import { z } from "zod";
import { updateAddress } from "@/lib/domain/people/address-service";
import { defineAction } from "@/lib/web/action";
import { notifySubscribersSoon } from "@/lib/web/people-actions";
import { peopleRefusal } from "@/lib/web/people-admin-actions";
import { formInt, formString } from "@/lib/web/people-forms";

const labels = {
  street: "address.street",
  extra: "address.extra",
  postalCode: "address.postalCode",
  city: "address.city",
  country: "address.country",
} as const;

/**
 * Edits one address: the member's own (no personId), or a person's on the admin person page. The domain checks
 * that the logged-in person may edit it (self, members.write, or the partner where the admin allowed it).
 */
export const updateAddressAction = defineAction({
  caller: "user",
  input: z.object({
    personId: z.number().nullable(),
    addressId: z.number(),
    street: z.string(),
    extra: z.string(),
    postalCode: z.string(),
    city: z.string(),
    country: z.string(),
  }),
  read: (formData) => ({
    personId: formData.has("personId") ? formInt(formData, "personId") : null,
    addressId: formInt(formData, "addressId"),
    street: formString(formData, "street"),
    extra: formString(formData, "extra"),
    postalCode: formString(formData, "postalCode"),
    city: formString(formData, "city"),
    country: formString(formData, "country"),
  }),
  labels,
  refusals: peopleRefusal(labels),
  revalidate: ["/profile", "/directory", ["/(admin)/admin/people/[id]", "page"]],
  async run({ actor, db, t, input: { personId, addressId, ...address } }) {
    const updated = await updateAddress(db, actor.personId, personId ?? actor.personId, addressId, address);
    if (!updated.ok) return updated;
    notifySubscribersSoon();
    return { ok: true, message: t("address.saved") };
  },
});
