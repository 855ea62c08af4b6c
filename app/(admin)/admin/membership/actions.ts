"use server";

import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { SessionPerson } from "@/lib/domain/auth/session-person";
import type { Failure } from "@/lib/domain/people/result";
import { runEndOfYearOn } from "@/lib/domain/people/membership-service";
import { deleteAddressType, deleteMembershipType, deleteStatus } from "@/lib/domain/people/reference-delete";
import { saveAddressType, saveMembershipType, saveStatusWithRoles } from "@/lib/domain/people/reference-service";
import type { Translate } from "@/lib/i18n/translate";
import { defineAction } from "@/lib/web/action";
import { checkbox, text } from "@/lib/web/form-data";
import { notifySubscribersSoon } from "@/lib/web/people-actions";
import { centsFrom, formIds, formText, peopleRefusal } from "@/lib/web/people-admin-actions";

// Who asks is checked here; what they may do, and the fields' rules, by the domain services.
const labels = {
  key: "pa.key",
  name: "pa.name",
  feeCents: "pa.fee",
  billingPeriod: "pa.billingPeriod",
  sortOrder: "pa.sortOrder",
  roles: "pa.roles",
  lastDay: "pa.endOfYear.lastDay",
} as const;
const boundId = z.tuple([z.number().int().positive().nullable()]);
const revalidate = [["/admin/membership", "layout"]] as const;
const sortOrder = (formData: FormData) => formText(formData, "sortOrder") || 0;

const statusForm = z.object({
  key: z.string(),
  name: z.string(),
  mayLogIn: z.boolean(),
  mayUseMachines: z.boolean(),
  inDirectory: z.boolean(),
  mayVote: z.boolean(),
  sortOrder: z.union([z.string(), z.number()]),
  roleIds: z.array(z.number()),
});

export const saveStatusAction = defineAction({
  caller: "user",
  input: statusForm,
  read: (formData) => ({
    key: formText(formData, "key"),
    name: formText(formData, "name"),
    mayLogIn: checkbox(formData, "mayLogIn"),
    mayUseMachines: checkbox(formData, "mayUseMachines"),
    inDirectory: checkbox(formData, "inDirectory"),
    mayVote: checkbox(formData, "mayVote"),
    sortOrder: sortOrder(formData),
    roleIds: formIds(formData, "roleId"),
  }),
  bound: boundId,
  labels,
  refusals: peopleRefusal(labels, "status"),
  revalidate,
  async run({ actor, db, t, input: { roleIds, ...status } }, id) {
    // Flags and roles in one transaction: a refused roles step leaves no half-saved status.
    const saved = await saveStatusWithRoles(db, actor.personId, id, status, roleIds);
    if (!saved.ok) return saved;
    notifySubscribersSoon();
    return { ok: true, message: t("pa.saved") };
  },
});

export const saveTypeAction = defineAction({
  caller: "user",
  input: z.object({
    key: z.string(),
    name: z.string(),
    feeCents: z.number(),
    billingPeriod: z.string(),
    partnerRate: z.boolean(),
    active: z.boolean(),
    sortOrder: z.union([z.string(), z.number()]),
  }),
  read: (formData) => ({
    key: formText(formData, "key"),
    name: formText(formData, "name"),
    feeCents: centsFrom(formText(formData, "fee")),
    billingPeriod: text(formData, "billingPeriod"),
    partnerRate: checkbox(formData, "partnerRate"),
    active: checkbox(formData, "active"),
    sortOrder: sortOrder(formData),
  }),
  bound: boundId,
  labels,
  refusals: peopleRefusal(labels, "type"),
  revalidate,
  async run({ actor, db, t, input }, id) {
    // The domain refuses a fee that is not a number (NaN) and an unknown billing period, naming the field.
    const saved = await saveMembershipType(db, actor.personId, id, { ...input, billingPeriod: input.billingPeriod as "yearly" });
    if (!saved.ok) return saved;
    notifySubscribersSoon();
    return { ok: true, message: t("pa.saved") };
  },
});

export const saveAddressTypeAction = defineAction({
  caller: "user",
  input: z.object({ key: z.string(), name: z.string(), sortOrder: z.union([z.string(), z.number()]) }),
  read: (formData) => ({ key: formText(formData, "key"), name: formText(formData, "name"), sortOrder: sortOrder(formData) }),
  bound: boundId,
  labels,
  refusals: peopleRefusal(labels, "addressType"),
  revalidate,
  async run({ actor, db, t, input }, id) {
    const saved = await saveAddressType(db, actor.personId, id, input);
    if (!saved.ok) return saved;
    notifySubscribersSoon();
    return { ok: true, message: t("pa.saved") };
  },
});

async function deleteReference(remove: typeof deleteStatus, { actor, db, t }: { actor: SessionPerson; db: Db; t: Translate }, id: number) {
  const deleted = await remove(db, actor.personId, id);
  if (!deleted.ok) return deleted;
  notifySubscribersSoon();
  return { ok: true as const, message: t("pa.deleted") };
}
const deleting = { caller: "user", input: z.object({}), bound: z.tuple([z.number().int().positive()]), revalidate } as const;

export const deleteStatusAction = defineAction({
  ...deleting,
  refusals: peopleRefusal({}, "status"),
  run: (ctx, id) => deleteReference(deleteStatus, ctx, id),
});
export const deleteTypeAction = defineAction({
  ...deleting,
  refusals: peopleRefusal({}, "type"),
  run: (ctx, id) => deleteReference(deleteMembershipType, ctx, id),
});
export const deleteAddressTypeAction = defineAction({
  ...deleting,
  refusals: peopleRefusal({}, "addressType"),
  run: (ctx, id) => deleteReference(deleteAddressType, ctx, id),
});

export const endOfYearAction = defineAction({
  caller: "user",
  input: z.object({ lastDay: z.string(), confirm: z.boolean() }),
  read: (formData) => ({ lastDay: formText(formData, "lastDay"), confirm: checkbox(formData, "confirm") }),
  labels,
  refusals: (refusal: Failure, t) => (refusal.code === "needs_confirmation" ? t("pa.endOfYear.needsConfirm") : peopleRefusal(labels)(refusal, t)),
  revalidate: ["/admin/people", "/admin/membership"],
  async run({ actor, db, t, input }) {
    if (!input.confirm) return { ok: false, code: "needs_confirmation", message: "", field: "confirm" } satisfies Failure;
    const result = await runEndOfYearOn(db, actor.personId, input.lastDay);
    if (!result.ok) return result;
    notifySubscribersSoon();
    const done = t("pa.endOfYear.done", { count: result.moved.length });
    return { ok: true, message: result.skipped.length ? `${done} ${t("access.endOfYear.skipped", { count: result.skipped.length })}` : done };
  },
});
