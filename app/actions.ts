"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { signOut } from "@/lib/auth/config";
import { getCurrentUser } from "@/lib/auth/current-user";
import { endAllSessions } from "@/lib/domain/auth/sessions";
import { setPreferredLanguage } from "@/lib/domain/people/preferred-language";
import { LOCALE_COOKIE } from "@/lib/i18n/server";
import { LOCALES } from "@/lib/i18n/translate";
import { getDb } from "@/lib/web/db";

/** Logging out ends the session everywhere, so a copied cookie is dead too (the other devices log in again). */
export async function logoutAction(): Promise<void> {
  const user = await getCurrentUser();
  if (user) await endAllSessions(getDb(), user.personId);
  await signOut({ redirectTo: "/" });
}

const languageSchema = z.object({ locale: z.enum(LOCALES) });

/** The header's language switch. Works logged out (cookie only); logged in, it also becomes the person's preference. */
export async function setLanguageAction(formData: FormData): Promise<void> {
  const parsed = languageSchema.safeParse({ locale: formData.get("locale") });
  if (!parsed.success) return;
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, { path: "/", maxAge: 365 * 24 * 60 * 60, sameSite: "lax", httpOnly: true });
  const user = await getCurrentUser();
  if (user) await setPreferredLanguage(getDb(), user.personId, parsed.data.locale);
  revalidatePath("/", "layout");
}
