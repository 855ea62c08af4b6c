"use server";

import { revalidatePath } from "next/cache";
import type { SecretActionResult } from "@/components/forms/secret-once-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { createPersonalToken, revokeToken } from "@/lib/domain/api-tokens/tokens";
import { getT } from "@/lib/i18n/server";
import type { ActionResult } from "@/lib/web/action-result";
import { apiRefusal } from "@/lib/web/api-refusal";
import { getDb } from "@/lib/web/db";
import { int, text } from "@/lib/web/form-data";

export async function createPersonalTokenAction(_previous: SecretActionResult | null, formData: FormData): Promise<SecretActionResult> {
  const t = await getT();
  const user = await getCurrentUser();
  if (!user) return { ok: false, code: "forbidden", message: t("api.error.forbidden") };
  const input = { name: text(formData, "name"), scopes: formData.getAll("scope").map(String), expiresInDays: int(formData, "expiresInDays") };
  const result = await createPersonalToken(getDb(), user.personId, input);
  if (!result.ok) return apiRefusal(t, result, formData);
  revalidatePath("/profile/tokens");
  return { ok: true, message: t("api.tokens.created", { name: input.name.trim() }), secret: result.token };
}

/** Owners revoke their own tokens here; admins use it for any token on the API admin pages. */
export async function revokeTokenAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const t = await getT();
  const user = await getCurrentUser();
  if (!user) return { ok: false, code: "forbidden", message: t("api.error.forbidden") };
  const result = await revokeToken(getDb(), user.personId, int(formData, "id"));
  if (!result.ok) return apiRefusal(t, result);
  revalidatePath("/profile/tokens");
  revalidatePath("/admin/api", "layout");
  return { ok: true, message: t("api.tokens.revoked") };
}
