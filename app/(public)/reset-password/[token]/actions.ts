"use server";

import { z } from "zod";
import { consumePasswordReset } from "@/lib/domain/auth/password-reset";
import { MIN_PASSWORD_LENGTH } from "@/lib/domain/auth/passwords";
import { isMessageKey } from "@/lib/i18n/translate";
import { defineAction } from "@/lib/web/action";
import { text } from "@/lib/web/form-data";

/** The token is the authorization here: whoever holds a valid, unused link may set the password once. */
export const resetPasswordAction = defineAction({
  caller: "anyone",
  input: z.object({ token: z.string(), password: z.string().max(1024), confirm: z.string().max(1024) }),
  read: (formData) => ({ token: text(formData, "token"), password: text(formData, "password"), confirm: text(formData, "confirm") }),
  labels: { password: "reset.password", confirm: "reset.confirm" },
  refusals: (r: { code: string }, t) => {
    const key = `reset.error.${r.code}`;
    return isMessageKey(key) ? t(key, { min: MIN_PASSWORD_LENGTH }) : t("reset.error.invalid_token");
  },
  refusalFields: { mismatch: "confirm", weak_password: "password" },
  async run({ db, t, input }) {
    if (!input.token || input.token.length > 200) return { ok: false, code: "invalid_token", message: "" };
    if (input.password !== input.confirm) return { ok: false, code: "mismatch", message: "" };
    const reset = await consumePasswordReset(db, { token: input.token, newPassword: input.password });
    return reset.ok ? { ok: true, message: t("reset.done") } : reset;
  },
});
