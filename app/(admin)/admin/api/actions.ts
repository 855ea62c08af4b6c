"use server";

import { revalidatePath } from "next/cache";
import type { SecretActionResult } from "@/components/forms/secret-once-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { createService, setServiceEnabled } from "@/lib/domain/api-tokens/services";
import { createServiceToken } from "@/lib/domain/api-tokens/tokens";
import { getT } from "@/lib/i18n/server";
import type { ActionResult } from "@/lib/web/action-result";
import { apiRefusal } from "@/lib/web/api-refusal";
import { getDb } from "@/lib/web/db";
import { checkbox, int, text } from "@/lib/web/form-data";

export async function createServiceAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const t = await getT();
  const user = await getCurrentUser();
  if (!user) return { ok: false, code: "forbidden", message: t("api.error.forbidden") };
  const result = await createService(getDb(), user.personId, { name: text(formData, "name"), description: text(formData, "description"), permissions: formData.getAll("permission").map(String) });
  if (!result.ok) return apiRefusal(t, result, formData);
  revalidatePath("/admin/api");
  return { ok: true, message: t("api.services.created") };
}

export async function setServiceEnabledAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const t = await getT();
  const user = await getCurrentUser();
  if (!user) return { ok: false, code: "forbidden", message: t("api.error.forbidden") };
  const result = await setServiceEnabled(getDb(), user.personId, int(formData, "id"), checkbox(formData, "enable"));
  if (!result.ok) return apiRefusal(t, result);
  revalidatePath("/admin/api", "layout");
  return { ok: true, message: t("api.services.saved") };
}

export async function createServiceTokenAction(_previous: SecretActionResult | null, formData: FormData): Promise<SecretActionResult> {
  const t = await getT();
  const user = await getCurrentUser();
  if (!user) return { ok: false, code: "forbidden", message: t("api.error.forbidden") };
  const input = { name: text(formData, "name"), scopes: formData.getAll("scope").map(String), expiresInDays: int(formData, "expiresInDays") };
  const serviceId = int(formData, "serviceId");
  const result = await createServiceToken(getDb(), user.personId, serviceId, input);
  if (!result.ok) return apiRefusal(t, result, formData);
  revalidatePath(`/admin/api/services/${serviceId}`);
  return { ok: true, message: t("api.tokens.created", { name: input.name.trim() }), secret: result.token };
}
