"use server";

import { z } from "zod";
import { addAddress, addressInputSchema } from "@/lib/domain/people/address-service";
import { defineAction } from "@/lib/web/action";
import { checkbox, int, text } from "@/lib/web/form-data";
import { peopleRefusal } from "@/lib/web/people-admin-actions";

const labels = {
  typeId: "address.type",
  street: "address.street",
  extra: "address.extra",
  postalCode: "address.postalCode",
  city: "address.city",
  country: "address.country",
} as const;

/** An admin adds an address for a member (bound: the person); addAddress checks members.write and containment. */
export const addPersonAddressAction = defineAction({
  caller: "members.write",
  input: addressInputSchema.extend({ typeId: z.number().int().positive(), isMain: z.boolean() }),
  read: (formData) => ({
    typeId: int(formData, "typeId"),
    street: text(formData, "street"),
    extra: text(formData, "extra"),
    postalCode: text(formData, "postalCode"),
    city: text(formData, "city"),
    country: text(formData, "country"),
    isMain: checkbox(formData, "isMain"),
  }),
  bound: z.tuple([z.number().int().positive()]),
  labels,
  refusals: peopleRefusal(labels),
  revalidate: [["/admin/people/[id]", "page"]],
  async run({ actor, db, t, input }, personId) {
    const added = await addAddress(db, actor.personId, personId, input);
    return added.ok ? { ok: true, message: t("address.saved") } : added;
  },
});
