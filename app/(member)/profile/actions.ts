"use server";

import { z } from "zod";
import { addAddress, removeAddress, setMainAddress } from "@/lib/domain/people/address-service";
import { updateProfile } from "@/lib/domain/people/person-service";
import { setVisibility } from "@/lib/domain/people/profile-settings";
import { VISIBILITY_FIELDS } from "@/lib/domain/people/visibility";
import type { Translate } from "@/lib/i18n/translate";
import { defineAction } from "@/lib/web/action";
import { checkbox } from "@/lib/web/form-data";
import { notifySubscribersSoon } from "@/lib/web/people-actions";
import { peopleRefusal } from "@/lib/web/people-admin-actions";
import { formInt, formString, profileForm } from "@/lib/web/people-forms";

// Self-service: every action acts on the logged-in person only; the domain checks that again and validates.
const labels = {
  ...profileForm.labels,
  street: "address.street",
  city: "address.city",
  postalCode: "address.postalCode",
  extra: "address.extra",
  country: "address.country",
  typeId: "address.type",
  // Who sees each field: the select named by the field it is for.
  "visibility.name": "visibility.field.name",
  "visibility.email": "visibility.field.email",
  "visibility.phone": "visibility.field.phone",
  "visibility.address": "visibility.field.address",
  "visibility.company": "visibility.field.company",
  "visibility.jobTitle": "visibility.field.jobTitle",
  "visibility.studies": "visibility.field.studies",
  "visibility.interests": "visibility.field.interests",
  "visibility.photo": "visibility.field.photo",
  "visibility.partner": "visibility.field.partner",
} as const;
const mine = { caller: "user", labels, refusals: peopleRefusal(labels), revalidate: ["/profile", "/directory"] } as const;

/** After a change: audit subscribers hear of it; the form says it is saved. */
function saved(t: Translate) {
  notifySubscribersSoon();
  return { ok: true as const, message: t("people.saved") };
}

export const updateOwnProfileAction = defineAction({
  ...mine,
  input: profileForm.input({}),
  read: profileForm.read,
  fields: profileForm.fields,
  issueMessages: profileForm.issueMessages,
  async run({ actor, db, t, input }) {
    const updated = await updateProfile(db, actor.personId, actor.personId, input.profile);
    return updated.ok ? saved(t) : updated;
  },
});

export const setOwnVisibilityAction = defineAction({
  ...mine,
  input: z.object({ visibility: z.record(z.string(), z.string()), boardOnly: z.boolean() }),
  read: (formData) => ({
    visibility: Object.fromEntries(VISIBILITY_FIELDS.map((f) => [f, formString(formData, `visibility.${f}`)])),
    boardOnly: checkbox(formData, "boardOnly"),
  }),
  async run({ actor, db, t, input }) {
    const set = await setVisibility(db, actor.personId, actor.personId, input);
    return set.ok ? saved(t) : set;
  },
});

export const addOwnAddressAction = defineAction({
  ...mine,
  input: z.object({
    typeId: z.number(),
    street: z.string(),
    extra: z.string(),
    postalCode: z.string(),
    city: z.string(),
    country: z.string(),
    isMain: z.boolean(),
  }),
  read: (formData) => ({
    typeId: formInt(formData, "typeId"),
    street: formString(formData, "street"),
    extra: formString(formData, "extra"),
    postalCode: formString(formData, "postalCode"),
    city: formString(formData, "city"),
    country: formString(formData, "country"),
    isMain: checkbox(formData, "isMain"),
  }),
  async run({ actor, db, t, input }) {
    const added = await addAddress(db, actor.personId, actor.personId, input);
    return added.ok ? saved(t) : added;
  },
});

/** One form per address: make it the main one, or remove it (op=remove). */
export const ownAddressAction = defineAction({
  ...mine,
  input: z.object({ addressId: z.number(), op: z.string() }),
  read: (formData) => ({ addressId: formInt(formData, "addressId"), op: formString(formData, "op") }),
  async run({ actor, db, t, input }) {
    const done =
      input.op === "remove"
        ? await removeAddress(db, actor.personId, actor.personId, input.addressId)
        : await setMainAddress(db, actor.personId, actor.personId, input.addressId);
    return done.ok ? saved(t) : done;
  },
});
