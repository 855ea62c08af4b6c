"use server";

import { getCurrentUser } from "@/lib/auth/current-user";
import { inviteEveryoneWithoutLogin } from "@/lib/domain/auth/invite-everyone";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { getMailer } from "@/lib/web/mailer";
import type { BulkInviteStepResult } from "@/components/people/bulk-invite-form";

/** One batch of "invite everyone without a login" (the domain checks members.write and rank, person by person). */
export async function inviteBatchAction(input: { statusId: number | null; cursor: number }): Promise<BulkInviteStepResult> {
  const [user, t] = await Promise.all([getCurrentUser(), getT()]);
  if (!user) return { ok: false, message: t("invite.error.forbidden") };
  const statusId = Number.isSafeInteger(input?.statusId) && input.statusId! > 0 ? input.statusId : null;
  const cursor = Number.isSafeInteger(input?.cursor) && input.cursor >= 0 ? input.cursor : 0;
  const step = await inviteEveryoneWithoutLogin(getDb(), getMailer(), user.personId, { statusId }, cursor);
  if (!step.ok) return { ok: false, message: t("invite.error.forbidden") };
  return step;
}
