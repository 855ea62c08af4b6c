"use server";

import { z } from "zod";
import { mailStatusChanged, statusOf } from "@/lib/domain/people/application-mail";
import { erasePerson } from "@/lib/domain/people/erase-person";
import { addMembership } from "@/lib/domain/people/membership-service";
import { changeStatus, createPersonRecord, updateProfile } from "@/lib/domain/people/person-service";
import type { Translate } from "@/lib/i18n/translate";
import { getFileStorage } from "@/lib/storage/storage-from-env";
import { defineAction } from "@/lib/web/action";
import { checkbox } from "@/lib/web/form-data";
import { getLogger } from "@/lib/web/logger";
import { getMailer } from "@/lib/web/mailer";
import { notifySubscribersSoon } from "@/lib/web/people-actions";
import { peopleRefusal } from "@/lib/web/people-admin-actions";
import { formInt, formString, profileForm } from "@/lib/web/people-forms";

// Each action: who is asking (the domain checks what they may do, and validates), the domain call, revalidate.
const labels = {
  ...profileForm.labels,
  statusId: "people.col.status",
  reason: "person.reason",
  validFrom: "membership.validFrom",
  validUntil: "membership.validUntil",
  typeId: "membership.type",
  confirmBanned: "person.erase.confirmBanned",
} as const;
const common = { caller: "user", labels, refusals: peopleRefusal(labels) } as const;
/** The profile read with the domain's schema: every wrong field beside it, a study line's beside that line (people-forms.ts). */
const withProfile = { fields: profileForm.fields, issueMessages: profileForm.issueMessages } as const;
const personPage = [["/(admin)/admin/people/[id]", "page"]] as const;
const personId = (formData: FormData) => formInt(formData, "personId");

function saved(t: Translate, message: "people.saved" | "person.erase.done" = "people.saved") {
  notifySubscribersSoon();
  return { ok: true as const, message: t(message) };
}

export const createPersonAction = defineAction({
  ...common,
  ...withProfile,
  input: profileForm.input({ statusId: z.number() }),
  read: (formData) => ({ statusId: formInt(formData, "statusId"), ...profileForm.read(formData) }),
  revalidate: ["/admin/people"],
  async run({ actor, db, input: { statusId, profile } }) {
    const created = await createPersonRecord(db, actor.personId, { statusId, profile });
    if (!created.ok) return created;
    notifySubscribersSoon();
    return { ok: true, redirect: `/admin/people/${created.personId}` };
  },
});

export const updatePersonAction = defineAction({
  ...common,
  ...withProfile,
  input: profileForm.input({ personId: z.number() }),
  read: (formData) => ({ personId: personId(formData), ...profileForm.read(formData) }),
  revalidate: personPage,
  async run({ actor, db, t, input }) {
    const updated = await updateProfile(db, actor.personId, input.personId, input.profile);
    return updated.ok ? saved(t) : updated;
  },
});

export const changeStatusAction = defineAction({
  ...common,
  input: z.object({ personId: z.number(), statusId: z.number(), reason: z.string() }),
  read: (formData) => ({ personId: personId(formData), statusId: formInt(formData, "statusId"), reason: formString(formData, "reason") }),
  revalidate: personPage,
  async run({ actor, db, t, input: { personId: id, ...change } }) {
    const before = await statusOf(db, id);
    const changed = await changeStatus(db, actor.personId, id, change);
    if (!changed.ok) return changed;
    if (before) await mailStatusChanged(db, getMailer(), id, before);
    return saved(t);
  },
});

export const addMembershipAction = defineAction({
  ...common,
  input: z.object({ personId: z.number(), typeId: z.number(), validFrom: z.string(), validUntil: z.string().nullable(), endsAtYearEnd: z.boolean() }),
  read: (formData) => ({
    personId: personId(formData),
    typeId: formInt(formData, "typeId"),
    validFrom: formString(formData, "validFrom"),
    validUntil: formString(formData, "validUntil") || null,
    endsAtYearEnd: checkbox(formData, "endsAtYearEnd"),
  }),
  revalidate: personPage,
  async run({ actor, db, t, input: { personId: id, ...membership } }) {
    const added = await addMembership(db, actor.personId, id, membership);
    return added.ok ? saved(t) : added;
  },
});

export const erasePersonAction = defineAction({
  ...common,
  input: z.object({ personId: z.number(), reason: z.string(), confirmBanned: z.boolean() }),
  read: (formData) => ({ personId: personId(formData), reason: formString(formData, "reason"), confirmBanned: checkbox(formData, "confirmBanned") }),
  refusalFields: { needs_confirmation: "confirmBanned" },
  revalidate: personPage,
  async run({ actor, db, t, input: { personId: id, ...erase } }) {
    const erased = await erasePerson(db, actor.personId, id, erase, { photos: getFileStorage(), logger: getLogger() });
    return erased.ok ? saved(t, "person.erase.done") : erased;
  },
});
