"use server";

import { grantAuthorization, grantInput, revokeAuthorization, revokeInput } from "@/lib/domain/equipment/authorization-service";
import { defineAction } from "@/lib/web/action";
import { int, text } from "@/lib/web/form-data";

export const grantAuthorizationAction = defineAction({
  caller: "user",
  input: grantInput,
  read: (formData) => ({
    personId: int(formData, "personId"),
    equipmentTypeId: int(formData, "equipmentTypeId"),
    level: text(formData, "level"),
    reason: text(formData, "reason"),
  }),
  labels: { equipmentTypeId: "eq.grant.type", level: "eq.grant.level", reason: "eq.grant.reason" },
  refusals: "eq.error",
  revalidate: [["/admin/equipment/people", "layout"]],
  async run({ actor, db, t, input }) {
    const granted = await grantAuthorization(db, actor.personId, input);
    return granted.ok ? { ok: true, message: t("eq.grant.done") } : granted;
  },
});

export const revokeAuthorizationAction = defineAction({
  caller: "user",
  input: revokeInput,
  read: (formData) => ({ authorizationId: int(formData, "authorizationId"), reason: text(formData, "reason") }),
  labels: { reason: "eq.revoke.reason" },
  refusals: "eq.error",
  revalidate: [["/admin/equipment/people", "layout"]],
  async run({ actor, db, t, input }) {
    const revoked = await revokeAuthorization(db, actor.personId, input);
    return revoked.ok ? { ok: true, message: t("eq.revoke.done") } : revoked;
  },
});
