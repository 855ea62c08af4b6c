"use server";

import { z } from "zod";
import { signOut } from "@/lib/auth/config";
import { confirmLogout } from "@/lib/domain/oidc/logout";
import { oidcIssuer } from "@/lib/oidc/authorization";
import { defineAction } from "@/lib/web/action";

/**
 * The person confirmed logging out after another service asked: the space's sessions end (like the header's log
 * out), that service's tokens are revoked, and they return to its registered post-logout address, if any. The
 * request travels as its query and is checked again here.
 */
export const confirmLogoutAction = defineAction({
  caller: "anyone",
  input: z.object({ query: z.string().max(8000) }),
  refusals: "sso.error",
  async run({ actor, db, input }) {
    const { redirect } = await confirmLogout(db, actor?.personId ?? null, new URLSearchParams(input.query), await oidcIssuer(db));
    await signOut({ redirect: false });
    return { ok: true, redirect };
  },
});
