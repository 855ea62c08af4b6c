"use server";

import { z } from "zod";
import { invitePerson, revokeInvitation } from "@/lib/domain/auth/invitation-send";
import { defineAction } from "@/lib/web/action";
import { getMailer } from "@/lib/web/mailer";
import { formInt } from "@/lib/web/people-forms";

// Who may (members.write, never above themselves) is decided in the domain calls.
const SAID = new Set(["forbidden", "outranks_you", "exceeds_own_permissions"]);
const byPerson = {
  caller: "user",
  input: z.object({ personId: z.number() }),
  read: (formData: FormData) => ({ personId: formInt(formData, "personId") }),
  revalidate: [["/(admin)/admin/people/[id]", "page"]],
} as const;

/** Send or resend a person's invitation. */
export const invitePersonAction = defineAction({
  ...byPerson,
  refusals: "invite.error",
  async run({ actor, db, t, input }) {
    const invited = await invitePerson(db, getMailer(), actor.personId, input.personId);
    return invited.ok ? { ok: true, message: t("invite.sent") } : { ...invited, message: "" };
  },
});

export const revokeInvitationAction = defineAction({
  ...byPerson,
  // Anything but "may not" says only that there is no open invitation.
  refusals: (r: { code: string }, t) => t(`invite.error.${SAID.has(r.code) ? (r.code as "forbidden") : "invalid_token"}`),
  async run({ actor, db, t, input }) {
    const revoked = await revokeInvitation(db, actor.personId, input.personId);
    return revoked.ok ? { ok: true, message: t("invite.revoked") } : { ...revoked, message: "" };
  },
});
