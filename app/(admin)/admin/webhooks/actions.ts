"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { SecretActionResult } from "@/components/forms/secret-once-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import {
  createWebhook,
  deleteWebhook,
  pingWebhook,
  redeliver,
  rotateWebhookSecret,
  updateWebhook,
  type WebhookResult,
} from "@/lib/domain/webhooks/subscriptions";
import { getT } from "@/lib/i18n/server";
import type { Translate } from "@/lib/i18n/translate";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";
import { checkbox, int, text, typedValues } from "@/lib/web/form-data";

// Each action: the logged-in person, then the domain call, which checks system.admin itself.

type Refusal = Extract<WebhookResult, { ok: false }>;
function refusal(t: Translate, r: Refusal, formData?: FormData): ActionResult {
  const message = r.code === "invalid" ? t("wh.error.invalid", { detail: r.message }) : t(`wh.error.${r.code}`);
  return { ok: false, code: r.code, message, values: formData ? typedValues(formData) : undefined };
}

const forbidden = (t: Translate): ActionResult => ({ ok: false, code: "forbidden", message: t("wh.error.forbidden") });
const input = (formData: FormData) => ({
  url: text(formData, "url"),
  description: text(formData, "description"),
  events: formData.getAll("event").map(String),
  active: checkbox(formData, "active"),
});

export async function createWebhookAction(_p: SecretActionResult | null, formData: FormData): Promise<SecretActionResult> {
  const [t, user] = await Promise.all([getT(), getCurrentUser()]);
  if (!user) return forbidden(t);
  const r = await createWebhook(getDb(), user.personId, { ...input(formData), active: true });
  if (!r.ok) return refusal(t, r, formData);
  revalidatePath("/admin/webhooks");
  return { ok: true, message: t("wh.created"), secret: r.secret };
}

export async function updateWebhookAction(_p: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const [t, user] = await Promise.all([getT(), getCurrentUser()]);
  if (!user) return forbidden(t);
  const r = await updateWebhook(getDb(), user.personId, int(formData, "id"), input(formData));
  if (!r.ok) return refusal(t, r, formData);
  revalidatePath("/admin/webhooks", "layout");
  return { ok: true, message: t("wh.saved") };
}

export async function rotateWebhookSecretAction(_p: SecretActionResult | null, formData: FormData): Promise<SecretActionResult> {
  const [t, user] = await Promise.all([getT(), getCurrentUser()]);
  if (!user) return forbidden(t);
  const r = await rotateWebhookSecret(getDb(), user.personId, int(formData, "id"));
  return r.ok ? { ok: true, message: t("wh.rotated"), secret: r.secret } : refusal(t, r);
}

export async function pingWebhookAction(_p: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const [t, user] = await Promise.all([getT(), getCurrentUser()]);
  if (!user) return forbidden(t);
  const r = await pingWebhook(getDb(), user.personId, int(formData, "id"));
  if (!r.ok) return refusal(t, r);
  revalidatePath("/admin/webhooks", "layout");
  return { ok: true, message: t("wh.pinged") };
}

export async function redeliverAction(_p: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const [t, user] = await Promise.all([getT(), getCurrentUser()]);
  if (!user) return forbidden(t);
  const r = await redeliver(getDb(), user.personId, int(formData, "deliveryId"));
  if (!r.ok) return refusal(t, r);
  revalidatePath("/admin/webhooks", "layout");
  return { ok: true, message: t("wh.log.requeued") };
}

export async function deleteWebhookAction(_p: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const [t, user] = await Promise.all([getT(), getCurrentUser()]);
  if (!user) return forbidden(t);
  const r = await deleteWebhook(getDb(), user.personId, int(formData, "id"));
  if (!r.ok) return refusal(t, r);
  revalidatePath("/admin/webhooks");
  redirect("/admin/webhooks");
}
