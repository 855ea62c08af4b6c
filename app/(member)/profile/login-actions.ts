"use server";

import { z } from "zod";
import { signOut } from "@/lib/auth/config";
import { requestEmailChange } from "@/lib/domain/auth/email-change";
import { endAllSessions } from "@/lib/domain/auth/sessions";
import { isMessageKey } from "@/lib/i18n/translate";
import { defineAction } from "@/lib/web/action";
import { text } from "@/lib/web/form-data";
import { getLogger } from "@/lib/web/logger";
import { getMailer } from "@/lib/web/mailer";

/** The owner asks to move their login to a new address: a link goes there, a notice to the old one. */
export const requestLoginEmailChangeAction = defineAction({
  caller: "user",
  input: z.object({ newEmail: z.string(), password: z.string() }),
  read: (formData) => ({ newEmail: text(formData, "newEmail"), password: text(formData, "password") }),
  labels: { newEmail: "loginEmail.new", password: "loginEmail.password" },
  refusals: (r: { code: string }, t) => {
    const key = `loginEmail.error.${r.code}`;
    return r.code === "mail_failed" ? t("loginEmail.mailFailed") : isMessageKey(key) ? t(key) : t("loginEmail.error.forbidden");
  },
  refusalFields: { wrong_password: "password", invalid_email: "newEmail", same_email: "newEmail", duplicate_email: "newEmail" },
  async run({ actor, db, t, input }) {
    try {
      const requested = await requestEmailChange(db, getMailer(), { personId: actor.personId, ...input });
      if (!requested.ok) return { ok: false, code: requested.code, message: "" };
    } catch (error) {
      getLogger().error({ err: error }, "login email change mail failed");
      return { ok: false, code: "mail_failed", message: "" };
    }
    return { ok: true, message: t("loginEmail.sent", { email: input.newEmail.trim().toLowerCase() }) };
  },
});

/** Ends every session of the person, this one included. */
export const logOutEverywhereAction = defineAction({
  caller: "anyone",
  input: z.object({}),
  refusals: "form.error",
  async run({ actor, db }) {
    if (actor) await endAllSessions(db, actor.personId);
    await signOut({ redirectTo: "/login" });
    return { ok: true };
  },
});
