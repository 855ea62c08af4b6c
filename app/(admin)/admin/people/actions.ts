"use server";

import { z } from "zod";
import { mailStatusChanged, statusOf } from "@/lib/domain/people/application-mail";
import { erasePerson } from "@/lib/domain/people/erase-person";
import { addMembership } from "@/lib/domain/people/membership-service";
import { changeStatus, createPersonRecord, updateProfile } from "@/lib/domain/people/person-service";
import { profileInputSchema, type ProfileInput } from "@/lib/domain/people/profile-input";
import type { Translate } from "@/lib/i18n/translate";
import { getFileStorage } from "@/lib/storage/storage-from-env";
import { defineAction } from "@/lib/web/action";
import { checkbox } from "@/lib/web/form-data";
import { getLogger } from "@/lib/web/logger";
import { getMailer } from "@/lib/web/mailer";
import { notifySubscribersSoon } from "@/lib/web/people-actions";
import { peopleRefusal } from "@/lib/web/people-admin-actions";
import { formInt, formString, profileFromForm } from "@/lib/web/people-forms";

// Each action: who is asking (the domain checks what they may do, and validates), the domain call, revalidate.
const labels = {
  firstName: "profile.firstName",
  lastName: "profile.lastName",
  email: "profile.email",
  phone: "profile.phone",
  company: "profile.company",
  jobTitle: "profile.jobTitle",
  preferredLanguage: "profile.language",
  interests: "profile.interests",
  studies: "profile.studies",
  statusId: "people.col.status",
  reason: "person.reason",
  validFrom: "membership.validFrom",
  validUntil: "membership.validUntil",
  typeId: "membership.type",
  confirmBanned: "person.erase.confirmBanned",
} as const;
const common = { caller: "user", labels, refusals: peopleRefusal(labels) } as const;
const profileKeys = ["firstName", "lastName", "email", "phone", "company", "jobTitle", "preferredLanguage", "interests", "studies"] as const;
/**
 * The profile as typed, checked with the domain's schema (the domain still gets it unchanged and checks again): every
 * wrong field is named by its label beside it, all at once. A study line's fault is shown beside the study lines.
 */
const profile = z.custom<ProfileInput>().superRefine((typed, ctx) => {
  const checked = profileInputSchema.safeParse(typed);
  if (!checked.success) for (const issue of checked.error.issues) ctx.addIssue({ ...issue, path: issue.path.slice(0, 1) } as never);
});
const profileForm = {
  fields: Object.fromEntries(profileKeys.map((key) => [`profile.${key}`, key])),
  issueMessages: { "end year before start year": "profile.error.studyYears" },
} as const;
const personPage = [["/(admin)/admin/people/[id]", "page"]] as const;
const personId = (formData: FormData) => formInt(formData, "personId");

function saved(t: Translate, message: "people.saved" | "person.erase.done" = "people.saved") {
  notifySubscribersSoon();
  return { ok: true as const, message: t(message) };
}

export const createPersonAction = defineAction({
  ...common,
  ...profileForm,
  input: z.object({ statusId: z.number(), profile }),
  read: (formData) => ({ statusId: formInt(formData, "statusId"), profile: profileFromForm(formData) }),
  revalidate: ["/admin/people"],
  async run({ actor, db, input }) {
    const created = await createPersonRecord(db, actor.personId, input);
    if (!created.ok) return created;
    notifySubscribersSoon();
    return { ok: true, redirect: `/admin/people/${created.personId}` };
  },
});

export const updatePersonAction = defineAction({
  ...common,
  ...profileForm,
  input: z.object({ personId: z.number(), profile }),
  read: (formData) => ({ personId: personId(formData), profile: profileFromForm(formData) }),
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
