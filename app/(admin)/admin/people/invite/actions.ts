"use server";

import { z } from "zod";
import { inviteEveryoneWithoutLogin } from "@/lib/domain/auth/invite-everyone";
import { defineAction } from "@/lib/web/action";
import { optionalInt } from "@/lib/web/form-data";
import { getMailer } from "@/lib/web/mailer";

/**
 * One batch of "invite everyone without a login" after a person (the form calls again until done); its report is the
 * answer's data. The domain checks members.write again and skips, person by person, anyone above the sender.
 */
export const inviteBatchAction = defineAction({
  caller: "members.write",
  input: z.object({ statusId: z.number().int().positive().nullable(), afterPersonId: z.number().int().min(0) }),
  read: (formData) => ({ statusId: optionalInt(formData, "statusId"), afterPersonId: optionalInt(formData, "afterPersonId") ?? 0 }),
  labels: { statusId: "inviteAll.status" },
  refusals: "invite.error",
  async run({ actor, db, input }) {
    const step = await inviteEveryoneWithoutLogin(db, getMailer(), actor.personId, { statusId: input.statusId }, input.afterPersonId);
    if (!step.ok) return step;
    const { report, cursor, done, remaining } = step;
    return { ok: true, data: { report, cursor, done, remaining } };
  },
});
