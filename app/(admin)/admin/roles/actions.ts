"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { createRole, deleteRole, updateRole } from "@/lib/domain/access/role-admin";
import { getT } from "@/lib/i18n/server";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";
import { notifySubscribersSoon, refusal } from "@/lib/web/people-actions";
import { formText } from "@/lib/web/people-admin-actions";

const input = (formData: FormData) => ({
  name: formText(formData, "name"),
  description: formText(formData, "description"),
  permissions: formData.getAll("permission").map(String),
});

/** Creates a role (roleId null) or renames it and sets its permissions; the domain checks system.admin and containment. */
export async function saveRoleAction(roleId: number | null, _prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const [user, t] = await Promise.all([getCurrentUser(), getT()]);
  if (!user) return { ok: false, code: "forbidden", message: t("people.error.forbidden") };
  const db = getDb();
  const result = roleId === null ? await createRole(db, user.personId, input(formData)) : await updateRole(db, user.personId, roleId, input(formData));
  if (!result.ok) return refusal(t, result, formData, { name: t("roles.name"), description: t("roles.description"), permissions: t("roles.permissions") });
  notifySubscribersSoon();
  revalidatePath("/admin/roles");
  return { ok: true, message: t(roleId === null ? "roles.created" : "roles.saved") };
}

export async function deleteRoleAction(roleId: number, _prev: ActionResult | null): Promise<ActionResult> {
  const [user, t] = await Promise.all([getCurrentUser(), getT()]);
  if (!user) return { ok: false, code: "forbidden", message: t("people.error.forbidden") };
  const result = await deleteRole(getDb(), user.personId, roleId);
  if (!result.ok) return refusal(t, result);
  notifySubscribersSoon();
  revalidatePath("/admin/roles");
  return { ok: true, message: t("roles.deleted") };
}
