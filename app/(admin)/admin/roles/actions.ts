"use server";

import { z } from "zod";
import { createRole, deleteRole, updateRole } from "@/lib/domain/access/role-admin";
import { defineAction } from "@/lib/web/action";

const boundId = z.tuple([z.number().int().positive()]);
// The domain validates names and permission keys (and refuses what the actor may not hand out).
const roleForm = z.object({ name: z.string(), description: z.string(), permissions: z.array(z.string()) });
const read = (formData: FormData) => ({
  name: String(formData.get("name") ?? ""),
  description: String(formData.get("description") ?? ""),
  permissions: formData.getAll("permission").map(String),
});
const common = {
  caller: "system.admin",
  input: roleForm,
  read,
  labels: { name: "roles.name", description: "roles.description", permissions: "roles.permissions" },
  refusals: "people.error",
  // The overview and every role's own page.
  revalidate: [["/admin/roles", "layout"]],
} as const;

export const createRoleAction = defineAction({
  ...common,
  async run({ actor, db, t, input }) {
    const created = await createRole(db, actor.personId, input);
    return created.ok ? { ok: true, message: t("roles.created"), redirect: `/admin/roles/${created.roleId}` } : created;
  },
});

export const updateRoleAction = defineAction({
  ...common,
  bound: boundId,
  async run({ actor, db, t, input }, id) {
    const updated = await updateRole(db, actor.personId, id, input);
    return updated.ok ? { ok: true, message: t("roles.saved") } : updated;
  },
});

export const deleteRoleAction = defineAction({
  caller: "system.admin",
  input: z.object({}),
  bound: boundId,
  refusals: "people.error",
  revalidate: [["/admin/roles", "layout"]],
  async run({ actor, db, t }, id) {
    const deleted = await deleteRole(db, actor.personId, id);
    // Its page is gone: back to the overview.
    return deleted.ok ? { ok: true, message: t("roles.deleted"), redirect: "/admin/roles" } : deleted;
  },
});
