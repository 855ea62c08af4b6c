"use server";

import { z } from "zod";
import { partnerOf } from "@/lib/domain/people/partner-link";
import { updateProfile } from "@/lib/domain/people/person-service";
import type { ProfileInput } from "@/lib/domain/people/profile-input";
import { defineAction } from "@/lib/web/action";
import { notifySubscribersSoon } from "@/lib/web/people-actions";
import { peopleRefusal } from "@/lib/web/people-admin-actions";
import { profileFromForm } from "@/lib/web/people-forms";

const labels = {
  firstName: "profile.firstName",
  lastName: "profile.lastName",
  email: "profile.email",
  phone: "profile.phone",
  studies: "profile.studies",
} as const;

/**
 * A partner edits the other's profile data. Whose: the actor's linked partner, never an id from the form; whether:
 * updateProfile (both must have agreed, only the data).
 */
export const updatePartnerProfileAction = defineAction({
  caller: "user",
  input: z.custom<ProfileInput>(),
  read: profileFromForm,
  labels,
  refusals: peopleRefusal(labels),
  revalidate: ["/profile", "/profile/partner", "/directory"],
  async run({ actor, db, t, input }) {
    const partner = await partnerOf(db, actor.personId);
    if (!partner) return { ok: false as const, code: "not_found" as const, message: t("partner.edit.none") };
    const updated = await updateProfile(db, actor.personId, partner.personId, input);
    if (!updated.ok) return updated;
    notifySubscribersSoon();
    return { ok: true, message: t("people.saved") };
  },
});
