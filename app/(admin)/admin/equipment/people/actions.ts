"use server";

import { revalidatePath } from "next/cache";
import { grantAuthorization, grantInput, revokeAuthorization, revokeInput } from "@/lib/domain/equipment/authorization-service";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";
import { actionContext, refusal } from "@/lib/web/equipment-action";
import { int, text } from "@/lib/web/form-data";

export async function grantAuthorizationAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const { user, t } = await actionContext();
  if (!user) return refusal(t, "eq", "forbidden");
  const parsed = grantInput.safeParse({
    personId: int(formData, "personId"),
    equipmentTypeId: int(formData, "equipmentTypeId"),
    level: text(formData, "level"),
    reason: text(formData, "reason"),
  });
  if (!parsed.success) return refusal(t, "eq", parsed.error.issues.some((i) => i.path[0] === "reason") ? "reason" : "invalid", formData);
  const result = await grantAuthorization(getDb(), user.personId, parsed.data);
  if (!result.ok) return refusal(t, "eq", result.code, formData);
  revalidatePath(`/admin/equipment/people/${parsed.data.personId}`);
  return { ok: true, message: t("eq.grant.done") };
}

export async function revokeAuthorizationAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const { user, t } = await actionContext();
  if (!user) return refusal(t, "eq", "forbidden");
  const parsed = revokeInput.safeParse({ authorizationId: int(formData, "authorizationId"), reason: text(formData, "reason") });
  if (!parsed.success) return refusal(t, "eq", parsed.error.issues.some((i) => i.path[0] === "reason") ? "reason" : "invalid", formData);
  const result = await revokeAuthorization(getDb(), user.personId, parsed.data);
  if (!result.ok) return refusal(t, "eq", result.code, formData);
  revalidatePath("/admin/equipment/people", "layout");
  return { ok: true, message: t("eq.revoke.done") };
}
