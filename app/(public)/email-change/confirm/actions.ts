"use server";

import { z } from "zod";
import { confirmEmailChange } from "@/lib/domain/auth/email-change";
import { defineAction } from "@/lib/web/action";

/** The button on the confirmation page: the token from the mail is the authorization. */
export const confirmEmailChangeAction = defineAction({
  caller: "anyone",
  input: z.object({ token: z.string() }),
  refusals: "loginEmail.error",
  async run({ db, t, input: { token } }) {
    if (!token || token.length > 200) return { ok: false, code: "invalid_token", message: "" };
    const confirmed = await confirmEmailChange(db, token);
    return confirmed.ok ? { ok: true, message: t("loginEmail.confirmed") } : confirmed;
  },
});
