"use server";

import { z } from "zod";
import { createPersonalToken, revokeToken } from "@/lib/domain/api-tokens/tokens";
import { defineAction } from "@/lib/web/action";
import { apiRefusal } from "@/lib/web/api-refusal";
import { int, text } from "@/lib/web/form-data";

// The domain checks what the person may hand a token (never more than they hold) and validates it.
export const createPersonalTokenAction = defineAction({
  caller: "user",
  input: z.object({ name: z.string(), scopes: z.array(z.string()), expiresInDays: z.number() }),
  read: (formData) => ({ name: text(formData, "name"), scopes: formData.getAll("scope").map(String), expiresInDays: int(formData, "expiresInDays") }),
  labels: { name: "api.tokens.name", scopes: "api.tokens.scopes", expiresInDays: "api.tokens.expires" },
  refusals: apiRefusal,
  revalidate: ["/profile/tokens"],
  async run({ actor, db, t, input }) {
    const created = await createPersonalToken(db, actor.personId, input);
    return created.ok ? { ok: true, message: t("api.tokens.created", { name: input.name.trim() }), secret: created.token } : created;
  },
});

/** Owners revoke their own tokens here; admins use it for any token on the API admin pages. */
export const revokeTokenAction = defineAction({
  caller: "user",
  input: z.object({ id: z.number().int().positive() }),
  read: (formData) => ({ id: int(formData, "id") }),
  refusals: apiRefusal,
  revalidate: ["/profile/tokens", ["/admin/api", "layout"]],
  async run({ actor, db, t, input }) {
    const revoked = await revokeToken(db, actor.personId, input.id);
    return revoked.ok ? { ok: true, message: t("api.tokens.revoked") } : revoked;
  },
});
