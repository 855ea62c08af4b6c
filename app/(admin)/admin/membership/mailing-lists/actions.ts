"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { createMailingList, deleteMailingList, updateMailingList, type ListInput } from "@/lib/domain/mailing-lists/lists";
import { mailmanFromEnv } from "@/lib/domain/mailing-lists/mailman-client";
import type { Failure } from "@/lib/domain/mailing-lists/result";
import { syncMailingList } from "@/lib/domain/mailing-lists/sync";
import { env } from "@/lib/env";
import { getT } from "@/lib/i18n/server";
import type { Translate } from "@/lib/i18n/translate";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";
import { formFlag, formIds, formText } from "@/lib/web/people-admin-actions";

const input = (formData: FormData): ListInput => ({
  name: formText(formData, "name"),
  address: formText(formData, "address"),
  description: formText(formData, "description"),
  optIn: formFlag(formData, "optIn"),
  mailmanSync: formFlag(formData, "mailmanSync"),
  statusIds: formIds(formData, "statusId"),
  committeeIds: formIds(formData, "committeeId"),
  roleIds: formIds(formData, "roleId"),
});

/** The typed text comes back so a refusal loses nothing (checkboxes: the page shows the saved state). */
function refusal(t: Translate, failure: Failure, formData?: FormData): ActionResult {
  const message = failure.code === "mailman" ? t("ml.error.mailman", { reason: failure.message }) : t(`ml.error.${failure.code}`);
  const values = formData ? { name: formText(formData, "name"), address: formText(formData, "address"), description: formText(formData, "description") } : undefined;
  return { ok: false, code: failure.code, message, values };
}

async function actor() {
  const [user, t] = await Promise.all([getCurrentUser(), getT()]);
  return { user, t };
}

export async function createListAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const { user, t } = await actor();
  if (!user) return { ok: false, code: "forbidden", message: t("ml.error.forbidden") };
  const result = await createMailingList(getDb(), user.personId, input(formData));
  if (!result.ok) return refusal(t, result, formData);
  revalidatePath("/admin/membership/mailing-lists");
  redirect(`/admin/membership/mailing-lists/${result.id}`);
}

export async function updateListAction(id: number, _prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const { user, t } = await actor();
  if (!user) return { ok: false, code: "forbidden", message: t("ml.error.forbidden") };
  const result = await updateMailingList(getDb(), user.personId, id, input(formData));
  if (!result.ok) return refusal(t, result, formData);
  revalidatePath(`/admin/membership/mailing-lists/${id}`);
  return { ok: true, message: t("ml.saved") };
}

export async function deleteListAction(id: number): Promise<ActionResult> {
  const { user, t } = await actor();
  if (!user) return { ok: false, code: "forbidden", message: t("ml.error.forbidden") };
  const result = await deleteMailingList(getDb(), user.personId, id);
  if (!result.ok) return refusal(t, result);
  revalidatePath("/admin/membership/mailing-lists");
  redirect("/admin/membership/mailing-lists");
}

/** Applies the differences to Mailman now (the dry run is the page itself, read-only). */
export async function syncListAction(id: number): Promise<ActionResult> {
  const { user, t } = await actor();
  if (!user) return { ok: false, code: "forbidden", message: t("ml.error.forbidden") };
  const result = await syncMailingList(getDb(), user.personId, mailmanFromEnv(env()), id, { dryRun: false });
  if (!result.ok) return refusal(t, result);
  revalidatePath(`/admin/membership/mailing-lists/${id}`);
  const o = result.outcome!;
  return o.failures.length
    ? { ok: false, code: "mailman", message: t("ml.sync.partly", { subscribed: o.subscribed, unsubscribed: o.unsubscribed, failed: o.failures.length, reason: o.failures[0]! }) }
    : { ok: true, message: t("ml.sync.done", { subscribed: o.subscribed, unsubscribed: o.unsubscribed }) };
}
