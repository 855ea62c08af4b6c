"use server";

import { z } from "zod";
import {
  WEBHOOK_REFUSALS,
  createWebhook,
  deleteWebhook,
  pingWebhook,
  redeliver,
  rotateWebhookSecret,
  updateWebhook,
  webhookInput,
  type WebhookResult,
} from "@/lib/domain/webhooks/subscriptions";
import type { Translate } from "@/lib/i18n/translate";
import { defineAction } from "@/lib/web/action";
import { unexplainedRefusal } from "@/lib/web/action-pipeline";
import { checkbox, int, text } from "@/lib/web/form-data";

// Each action: the logged-in person, then the domain call, which checks system.admin and validates again. A webhook
// is read with the domain's schema, so each wrong field is named by its label beside it, all at once.
type Refusal = Extract<WebhookResult, { ok: false }>;
const refusals = (r: Refusal, t: Translate) => (r.code === "invalid" ? unexplainedRefusal(r, t) : t(`wh.error.${r.code}`));
const id = z.number().int().positive();
const webhookForm = webhookInput;
const issueMessages = {
  [WEBHOOK_REFUSALS.url]: "wh.error.url",
  [WEBHOOK_REFUSALS.credentials]: "wh.error.credentials",
  [WEBHOOK_REFUSALS.event]: "form.error.choice",
} as const;
const read = (formData: FormData) => ({
  url: text(formData, "url"),
  description: text(formData, "description"),
  events: formData.getAll("event").map(String),
  active: checkbox(formData, "active"),
});
const labels = { url: "wh.url", description: "wh.description", events: "wh.events" } as const;
const byId = { caller: "user", input: z.object({ id }), read: (formData: FormData) => ({ id: int(formData, "id") }), refusals } as const;

export const createWebhookAction = defineAction({
  caller: "user",
  input: webhookForm,
  read,
  labels,
  issueMessages,
  refusals,
  revalidate: ["/admin/webhooks"],
  async run({ actor, db, t, input }) {
    const created = await createWebhook(db, actor.personId, { ...input, active: true });
    return created.ok ? { ok: true, message: t("wh.created"), secret: created.secret } : created;
  },
});

export const updateWebhookAction = defineAction({
  caller: "user",
  input: webhookForm.extend({ id }),
  read: (formData) => ({ ...read(formData), id: int(formData, "id") }),
  labels,
  issueMessages,
  refusals,
  revalidate: [["/admin/webhooks", "layout"]],
  async run({ actor, db, t, input: { id: webhookId, ...input } }) {
    const updated = await updateWebhook(db, actor.personId, webhookId, input);
    return updated.ok ? { ok: true, message: t("wh.saved") } : updated;
  },
});

export const rotateWebhookSecretAction = defineAction({
  ...byId,
  async run({ actor, db, t, input }) {
    const rotated = await rotateWebhookSecret(db, actor.personId, input.id);
    return rotated.ok ? { ok: true, message: t("wh.rotated"), secret: rotated.secret } : rotated;
  },
});

export const pingWebhookAction = defineAction({
  ...byId,
  revalidate: [["/admin/webhooks", "layout"]],
  async run({ actor, db, t, input }) {
    const pinged = await pingWebhook(db, actor.personId, input.id);
    return pinged.ok ? { ok: true, message: t("wh.pinged") } : pinged;
  },
});

export const redeliverAction = defineAction({
  caller: "user",
  input: z.object({ deliveryId: id }),
  read: (formData) => ({ deliveryId: int(formData, "deliveryId") }),
  refusals,
  revalidate: [["/admin/webhooks", "layout"]],
  async run({ actor, db, t, input }) {
    const queued = await redeliver(db, actor.personId, input.deliveryId);
    return queued.ok ? { ok: true, message: t("wh.log.requeued") } : queued;
  },
});

export const deleteWebhookAction = defineAction({
  ...byId,
  revalidate: ["/admin/webhooks"],
  async run({ actor, db, input }) {
    const deleted = await deleteWebhook(db, actor.personId, input.id);
    return deleted.ok ? { ok: true, redirect: "/admin/webhooks" } : deleted;
  },
});
