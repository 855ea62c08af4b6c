"use server";

import { partnerOf } from "@/lib/domain/people/partner-link";
import { updateProfile } from "@/lib/domain/people/person-service";
import { defineAction } from "@/lib/web/action";
import { notifySubscribersSoon } from "@/lib/web/people-actions";
import { peopleRefusal } from "@/lib/web/people-admin-actions";
import { profileForm } from "@/lib/web/people-forms";

/**
 * A partner edits the other's profile data. Whose: the actor's linked partner, never an id from the form; whether:
 * updateProfile (both must have agreed, only the data).
 */
export const updatePartnerProfileAction = defineAction({
  caller: "user",
  input: profileForm.input({}),
  read: profileForm.read,
  labels: profileForm.labels,
  fields: profileForm.fields,
  issueMessages: profileForm.issueMessages,
  refusals: peopleRefusal(profileForm.labels),
  revalidate: ["/profile", "/profile/partner", "/directory"],
  async run({ actor, db, t, input }) {
    const partner = await partnerOf(db, actor.personId);
    if (!partner) return { ok: false as const, code: "not_found" as const, message: t("partner.edit.none") };
    const updated = await updateProfile(db, actor.personId, partner.personId, input.profile);
    if (!updated.ok) return updated;
    notifySubscribersSoon();
    return { ok: true, message: t("people.saved") };
  },
});
