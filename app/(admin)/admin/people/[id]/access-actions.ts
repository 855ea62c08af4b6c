"use server";

import { z } from "zod";
import { endPersonRole, grantPersonRole } from "@/lib/domain/access/person-roles";
import { setLoginEmail } from "@/lib/domain/auth/email-change";
import { isMessageKey } from "@/lib/i18n/translate";
import { defineAction } from "@/lib/web/action";
import { text } from "@/lib/web/form-data";
import { getMailer } from "@/lib/web/mailer";
import { notifySubscribersSoon } from "@/lib/web/people-actions";
import { peopleRefusal } from "@/lib/web/people-admin-actions";
import { formInt } from "@/lib/web/people-forms";

// Who may (system admins, contained, never above themselves) is decided in the domain calls.
const personPage = [["/(admin)/admin/people/[id]", "page"]] as const;

/** A system admin sets someone's login email. */
export const setLoginEmailAction = defineAction({
  caller: "user",
  input: z.object({ personId: z.number(), newEmail: z.string() }),
  read: (formData) => ({ personId: formInt(formData, "personId"), newEmail: text(formData, "newEmail") }),
  labels: { newEmail: "loginEmail.new" },
  refusals: (r: { code: string }, t) => {
    const key = `loginEmail.error.${r.code}`;
    return isMessageKey(key) ? t(key) : t("loginEmail.error.forbidden");
  },
  refusalFields: { invalid_email: "newEmail", same_email: "newEmail", duplicate_email: "newEmail" },
  revalidate: personPage,
  async run({ actor, db, t, input }) {
    const set = await setLoginEmail(db, getMailer(), actor.personId, input.personId, input.newEmail);
    if (!set.ok) return { ...set, message: "" };
    notifySubscribersSoon();
    return { ok: true, message: t("access.loginEmailSet") };
  },
});

const roleLabels = { roleId: "access.role", since: "access.role.since", until: "access.role.until" } as const;

/** Gives a person one role directly, from a day through an optional last day. */
export const grantPersonRoleAction = defineAction({
  caller: "user",
  input: z.object({ personId: z.number(), roleId: z.number(), since: z.string(), until: z.string() }),
  read: (formData) => ({
    personId: formInt(formData, "personId"),
    roleId: formInt(formData, "roleId"),
    since: text(formData, "since").trim(),
    until: text(formData, "until").trim(),
  }),
  labels: roleLabels,
  refusals: peopleRefusal(roleLabels),
  revalidate: personPage,
  async run({ actor, db, t, input: { personId, until, ...role } }) {
    const granted = await grantPersonRole(db, actor.personId, personId, { ...role, until: until || null });
    if (!granted.ok) return granted;
    notifySubscribersSoon();
    return { ok: true, message: t("access.role.granted") };
  },
});

/** Ends a directly held role now (it counted through yesterday); kept as history. */
export const endPersonRoleAction = defineAction({
  caller: "user",
  input: z.object({}),
  bound: z.tuple([z.number().int().positive(), z.number().int().positive()]),
  refusals: peopleRefusal(),
  revalidate: personPage,
  async run({ actor, db, t }, personId, roleId) {
    const ended = await endPersonRole(db, actor.personId, personId, roleId);
    if (!ended.ok) return ended;
    notifySubscribersSoon();
    return { ok: true, message: t("access.role.ended") };
  },
});
