"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createMailingList, deleteMailingList, updateMailingList } from "@/lib/domain/mailing-lists/lists";
import { mailmanFromEnv } from "@/lib/domain/mailing-lists/mailman-client";
import type { Failure } from "@/lib/domain/mailing-lists/result";
import { syncMailingList } from "@/lib/domain/mailing-lists/sync";
import { env } from "@/lib/env";
import type { Translate } from "@/lib/i18n/translate";
import { defineAction } from "@/lib/web/action";
import { formFlag, formIds, formText } from "@/lib/web/people-admin-actions";

// The domain checks who may and validates the list; the form's fields as it expects them.
const listForm = z.object({
  name: z.string(),
  address: z.string(),
  description: z.string(),
  optIn: z.boolean(),
  mailmanSync: z.boolean(),
  statusIds: z.array(z.number()),
  committeeIds: z.array(z.number()),
  roleIds: z.array(z.number()),
});
const read = (formData: FormData) => ({
  name: formText(formData, "name"),
  address: formText(formData, "address"),
  description: formText(formData, "description"),
  optIn: formFlag(formData, "optIn"),
  mailmanSync: formFlag(formData, "mailmanSync"),
  statusIds: formIds(formData, "statusId"),
  committeeIds: formIds(formData, "committeeId"),
  roleIds: formIds(formData, "roleId"),
});
const boundId = z.tuple([z.number().int().positive()]);
/** A partial sync is a refusal whose message is already written (how many went through, the first reason). */
type SyncPartly = { ok: false; code: "sync_partly"; message: string };
const refusals = (failure: Failure | SyncPartly, t: Translate) =>
  failure.code === "sync_partly"
    ? failure.message
    : failure.code === "mailman"
      ? t("ml.error.mailman", { reason: failure.message })
      : t(`ml.error.${failure.code}`);
const labels = { name: "ml.name", address: "ml.address", description: "ml.description" } as const;

export const createListAction = defineAction({
  caller: "user",
  input: listForm,
  read,
  labels,
  refusals,
  revalidate: ["/admin/membership/mailing-lists"],
  async run({ actor, db, input }) {
    const created = await createMailingList(db, actor.personId, input);
    return created.ok ? { ok: true, redirect: `/admin/membership/mailing-lists/${created.id}` } : created;
  },
});

export const updateListAction = defineAction({
  caller: "user",
  input: listForm,
  read,
  bound: boundId,
  labels,
  refusals,
  revalidate: [["/admin/membership/mailing-lists", "layout"]],
  async run({ actor, db, t, input }, id) {
    const updated = await updateMailingList(db, actor.personId, id, input);
    return updated.ok ? { ok: true, message: t("ml.saved") } : updated;
  },
});

export const deleteListAction = defineAction({
  caller: "user",
  input: z.object({}),
  bound: boundId,
  refusals,
  revalidate: ["/admin/membership/mailing-lists"],
  async run({ actor, db }, id) {
    const deleted = await deleteMailingList(db, actor.personId, id);
    return deleted.ok ? { ok: true, redirect: "/admin/membership/mailing-lists" } : deleted;
  },
});

/** Applies the differences to Mailman now (the dry run is the page itself, read-only). */
export const syncListAction = defineAction({
  caller: "user",
  input: z.object({}),
  bound: boundId,
  refusals,
  revalidate: [["/admin/membership/mailing-lists", "layout"]],
  async run({ actor, db, t }, id) {
    const result = await syncMailingList(db, actor.personId, mailmanFromEnv(env()), id, { dryRun: false });
    if (!result.ok) return result;
    const o = result.outcome!;
    if (!o.failures.length) return { ok: true, message: t("ml.sync.done", { subscribed: o.subscribed, unsubscribed: o.unsubscribed }) };
    // Part went through: the page shows what is left to do.
    revalidatePath("/admin/membership/mailing-lists", "layout");
    return {
      ok: false,
      code: "sync_partly",
      message: t("ml.sync.partly", { subscribed: o.subscribed, unsubscribed: o.unsubscribed, failed: o.failures.length, reason: o.failures[0]! }),
    } satisfies SyncPartly;
  },
});
