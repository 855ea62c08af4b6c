"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { disconnectService } from "@/lib/domain/oidc/consents";
import { getT } from "@/lib/i18n/server";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";
import { int, text } from "@/lib/web/form-data";

/** A person withdraws their own consent to a service; nobody else's (the domain call is keyed by the logged-in person). */
export async function disconnectServiceAction(_p: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const [t, user] = await Promise.all([getT(), getCurrentUser()]);
  if (!user) return { ok: false, code: "forbidden", message: t("sso.error.forbidden") };
  const done = await disconnectService(getDb(), user.personId, int(formData, "clientId"));
  if (!done) return { ok: false, code: "not_found", message: t("sso.error.not_found") };
  revalidatePath("/profile/services");
  return { ok: true, message: t("sso.services.disconnected", { name: text(formData, "name") }) };
}
