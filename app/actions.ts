"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { signOut } from "@/lib/auth/config";
import { endAllSessions } from "@/lib/domain/auth/sessions";
import { setPreferredLanguage } from "@/lib/domain/people/preferred-language";
import { LOCALE_COOKIE } from "@/lib/i18n/server";
import { LOCALES } from "@/lib/i18n/translate";
import { defineAction } from "@/lib/web/action";

/** Logging out ends the session everywhere, so a copied cookie is dead too (the other devices log in again). */
export const logoutAction = defineAction({
  caller: "anyone",
  input: z.object({}),
  refusals: "form.error",
  async run({ actor, db }) {
    if (actor) await endAllSessions(db, actor.personId);
    await signOut({ redirectTo: "/" });
    return { ok: true };
  },
});

/** The header's language switch. Works logged out (cookie only); logged in, it also becomes the person's preference. */
export const setLanguageAction = defineAction({
  caller: "anyone",
  input: z.object({ locale: z.enum(LOCALES) }),
  labels: { locale: "nav.language" },
  refusals: "form.error",
  revalidate: [["/", "layout"]],
  async run({ actor, db, input }) {
    (await cookies()).set(LOCALE_COOKIE, input.locale, { path: "/", maxAge: 365 * 24 * 60 * 60, sameSite: "lax", httpOnly: true });
    if (actor) await setPreferredLanguage(db, actor.personId, input.locale);
    return { ok: true };
  },
});
