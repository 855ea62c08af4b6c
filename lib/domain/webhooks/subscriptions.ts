import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { webhookDeliveries, webhookEvents, webhooks, type Webhook } from "@/lib/db/schema";
import { permissionsOfPerson } from "../access/person-permissions";
import { recordAudit } from "../audit/record-audit";
import { isWebhookEventType } from "./event-types";
import { newWebhookSecret } from "./signature";
import type { Failure, Result } from "../shared/result";

export type WebhookFailureCode = "forbidden" | "invalid" | "not_found";
export type WebhookResult<T extends object = object> = Result<T, Failure<WebhookFailureCode>>;
const fail = (code: WebhookFailureCode, message: string, field?: string) => ({ ok: false as const, code, message, ...(field ? { field } : {}) });

/** What the schema's refines say when they refuse (a form turns them into its own words beside the field). */
export const WEBHOOK_REFUSALS = {
  url: "an http:// or https:// address",
  credentials: "no user or password in the address; the signature authenticates the sender",
  event: "unknown event",
} as const;

export const webhookInput = z.object({
  url: z
    .string()
    .trim()
    .max(2000, "at most 2000 characters")
    .refine((u) => URL.canParse(u) && ["http:", "https:"].includes(new URL(u).protocol), WEBHOOK_REFUSALS.url)
    .refine((u) => !URL.canParse(u) || (!new URL(u).username && !new URL(u).password), WEBHOOK_REFUSALS.credentials),
  description: z.string().trim().max(200, "at most 200 characters").default(""),
  events: z
    .array(z.string())
    .min(1, "choose at least one event")
    .refine((e) => e.every(isWebhookEventType), WEBHOOK_REFUSALS.event),
  active: z.boolean().default(true),
});
export type WebhookInput = z.input<typeof webhookInput>;

async function isAdmin(db: Db, actorId: number) {
  return (await permissionsOfPerson(db, actorId)).has("system.admin");
}

function invalid(error: z.ZodError) {
  const issue = error.issues[0]!;
  const field = String(issue.path[0] ?? "input");
  return fail("invalid", `${field}: ${issue.message}`, field);
}

/** An admin subscribes a URL; the signing secret is returned once. */
export async function createWebhook(db: Db, actorId: number, raw: WebhookInput): Promise<WebhookResult<{ id: number; secret: string }>> {
  if (!(await isAdmin(db, actorId))) return fail("forbidden", "Only admins manage webhooks.");
  const parsed = webhookInput.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const secret = newWebhookSecret();
  const events = [...new Set(parsed.data.events)].sort();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(webhooks)
      .values({ ...parsed.data, events, secret, createdById: actorId })
      .returning({ id: webhooks.id });
    await recordAudit(tx, {
      actorId,
      changeType: "webhook.create",
      entity: "webhooks",
      entityId: row!.id,
      after: { url: parsed.data.url, events, active: parsed.data.active },
    });
    return { ok: true as const, id: row!.id, secret };
  });
}

export async function updateWebhook(db: Db, actorId: number, id: number, raw: WebhookInput): Promise<WebhookResult> {
  if (!(await isAdmin(db, actorId))) return fail("forbidden", "Only admins manage webhooks.");
  const parsed = webhookInput.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const [before] = await db.select().from(webhooks).where(eq(webhooks.id, id));
  if (!before) return fail("not_found", "No such webhook.");
  const after = { url: parsed.data.url, description: parsed.data.description, events: [...new Set(parsed.data.events)].sort(), active: parsed.data.active };
  await db.transaction(async (tx) => {
    await tx.update(webhooks).set(after).where(eq(webhooks.id, id));
    await recordAudit(tx, {
      actorId,
      changeType: "webhook.update",
      entity: "webhooks",
      entityId: id,
      before: { url: before.url, description: before.description, events: before.events, active: before.active },
      after,
    });
  });
  return { ok: true };
}

/** A new secret, effective for the next delivery; the old one stops at once. */
export async function rotateWebhookSecret(db: Db, actorId: number, id: number): Promise<WebhookResult<{ secret: string }>> {
  if (!(await isAdmin(db, actorId))) return fail("forbidden", "Only admins manage webhooks.");
  const secret = newWebhookSecret();
  return db.transaction(async (tx) => {
    const [row] = await tx.update(webhooks).set({ secret }).where(eq(webhooks.id, id)).returning({ id: webhooks.id });
    if (!row) return fail("not_found", "No such webhook.");
    await recordAudit(tx, { actorId, changeType: "webhook.rotate_secret", entity: "webhooks", entityId: id });
    return { ok: true as const, secret };
  });
}

/** Removes the hook with its queue and log. */
export async function deleteWebhook(db: Db, actorId: number, id: number): Promise<WebhookResult> {
  if (!(await isAdmin(db, actorId))) return fail("forbidden", "Only admins manage webhooks.");
  return db.transaction(async (tx) => {
    const [row] = await tx.delete(webhooks).where(eq(webhooks.id, id)).returning();
    if (!row) return fail("not_found", "No such webhook.");
    await recordAudit(tx, { actorId, changeType: "webhook.delete", entity: "webhooks", entityId: id, before: { url: row.url, events: row.events } });
    return { ok: true as const };
  });
}

/** A "ping" event for this hook only, queued behind its other deliveries: checks the receiver end to end. */
export async function pingWebhook(db: Db, actorId: number, id: number): Promise<WebhookResult> {
  if (!(await isAdmin(db, actorId))) return fail("forbidden", "Only admins manage webhooks.");
  const [hook] = await db.select({ id: webhooks.id }).from(webhooks).where(eq(webhooks.id, id));
  if (!hook) return fail("not_found", "No such webhook.");
  await db.transaction(async (tx) => {
    const [event] = await tx
      .insert(webhookEvents)
      .values({ type: "ping", data: { webhookId: id } })
      .returning({ id: webhookEvents.id });
    await tx.insert(webhookDeliveries).values({ webhookId: id, eventId: event!.id });
  });
  return { ok: true };
}

/** Sends a delivery's event again, as a new delivery at the end of the hook's queue (order is kept). */
export async function redeliver(db: Db, actorId: number, deliveryId: number): Promise<WebhookResult> {
  if (!(await isAdmin(db, actorId))) return fail("forbidden", "Only admins manage webhooks.");
  const [d] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, deliveryId));
  if (!d) return fail("not_found", "No such delivery.");
  await db.insert(webhookDeliveries).values({ webhookId: d.webhookId, eventId: d.eventId });
  return { ok: true };
}

export interface WebhookRow extends Omit<Webhook, "secret" | "leaseUntil" | "leaseOwner"> {
  pending: number;
  failed: number;
  lastDeliveredAt: Date | null;
}

/** The hooks with their queue in numbers; never the secret. */
export async function listWebhooks(db: Db): Promise<WebhookRow[]> {
  const rows = await db
    .select({
      id: webhooks.id,
      url: webhooks.url,
      description: webhooks.description,
      events: webhooks.events,
      active: webhooks.active,
      createdById: webhooks.createdById,
      createdAt: webhooks.createdAt,
      pending: sql<number>`(select count(*)::int from webhook_deliveries d where d.webhook_id = ${webhooks.id} and d.status = 'pending')`,
      failed: sql<number>`(select count(*)::int from webhook_deliveries d where d.webhook_id = ${webhooks.id} and d.status = 'failed')`,
      lastDeliveredAt: sql<Date | null>`(select max(d.delivered_at) from webhook_deliveries d where d.webhook_id = ${webhooks.id})`,
    })
    .from(webhooks)
    .orderBy(webhooks.url, webhooks.id);
  return rows.map((r) => ({ ...r, lastDeliveredAt: r.lastDeliveredAt ? new Date(r.lastDeliveredAt) : null }));
}

export async function getWebhook(db: Db, id: number): Promise<WebhookRow | null> {
  return (await listWebhooks(db)).find((h) => h.id === id) ?? null;
}

/** The delivery log of a hook, newest first. */
export async function deliveryLog(db: Db, webhookId: number, limit = 100) {
  return db
    .select({ d: webhookDeliveries, type: webhookEvents.type, occurredAt: webhookEvents.occurredAt })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .where(and(eq(webhookDeliveries.webhookId, webhookId)))
    .orderBy(desc(webhookDeliveries.id))
    .limit(limit);
}

/** Delivered and failed deliveries older than `days` go, then events nobody still needs (the daily job). */
export async function pruneWebhookLog(db: Db, now = new Date(), days = 30): Promise<number> {
  const before = new Date(now.getTime() - days * 86_400_000).toISOString();
  const gone = await db.execute(sql`delete from webhook_deliveries where status <> 'pending' and created_at < ${before}::timestamptz returning id`);
  await db.execute(
    sql`delete from webhook_events e where e.occurred_at < ${before}::timestamptz and not exists (select 1 from webhook_deliveries d where d.event_id = e.id)`,
  );
  return [...gone].length;
}
