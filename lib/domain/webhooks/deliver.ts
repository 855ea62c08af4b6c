import { and, asc, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { webhookDeliveries, webhookEvents, webhooks, type Webhook, type WebhookDelivery, type WebhookEvent } from "@/lib/db/schema";
import { SIGNATURE_HEADER, signatureHeader } from "./signature";

/** After this many failed attempts (about a day with the backoff below) a delivery is given up as failed. */
export const MAX_ATTEMPTS = 12;
/** 30 s, 1 min, 2 min … doubling, at most 6 h between attempts. */
export const backoffSeconds = (attempts: number) => Math.min(30 * 2 ** (attempts - 1), 6 * 3600);

const LEASE_MS = 5 * 60_000;
const BATCH = 20;
const TIMEOUT_MS = 10_000;

export interface DeliverOptions {
  /** Who holds a hook's lease while sending (broker or web instance). */
  instanceId: string;
  /** The clock for due times and backoff (tests move it on instead of waiting). */
  now?: () => Date;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface DeliveryRound {
  delivered: number;
  retried: number;
  failed: number;
}

/** The JSON body a receiver gets. The event id is stable across retries: receivers deduplicate by it. */
export function deliveryBody(e: WebhookEvent): string {
  return JSON.stringify({ id: String(e.id), type: e.type, occurredAt: e.occurredAt.toISOString(), data: e.data });
}

async function readSome(response: Response, max = 300): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return "";
  let text = "";
  const decoder = new TextDecoder();
  while (text.length < max) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  await reader.cancel().catch(() => {});
  return text.slice(0, max);
}

async function send(
  hook: Webhook,
  d: WebhookDelivery,
  e: WebhookEvent,
  o: DeliverOptions,
): Promise<{ ok: boolean; status: number | null; error: string | null }> {
  const body = deliveryBody(e);
  const timestamp = Math.floor(Date.now() / 1000);
  try {
    const response = await (o.fetch ?? fetch)(hook.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "Makerspace-Webhooks/1",
        "x-makerspace-event": e.type,
        "x-makerspace-event-id": String(e.id),
        "x-makerspace-delivery": String(d.id),
        [SIGNATURE_HEADER]: signatureHeader(hook.secret, timestamp, body),
      },
      body,
      // A redirect is an answer, not an invitation: a hook's target never moves the delivery elsewhere.
      redirect: "manual",
      signal: AbortSignal.timeout(o.timeoutMs ?? TIMEOUT_MS),
    });
    const text = await readSome(response);
    if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status, error: null };
    return { ok: false, status: response.status, error: `HTTP ${response.status}${text ? `: ${text}` : ""}` };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { ok: false, status: null, error: `${error instanceof Error ? error.message : String(error)}${cause ? ` (${cause})` : ""}`.slice(0, 300) };
  }
}

/**
 * Sends one hook's due deliveries in order while holding its lease. A failure schedules a retry with backoff and
 * stops the queue there, so the receiver never gets a later event before an earlier one; a delivery given up after
 * MAX_ATTEMPTS no longer holds the others back.
 */
async function deliverHook(db: Db, hookId: number, o: DeliverOptions): Promise<DeliveryRound> {
  const round: DeliveryRound = { delivered: 0, retried: 0, failed: 0 };
  const clock = o.now ?? (() => new Date());
  const start = clock();
  const [hook] = await db
    .update(webhooks)
    .set({ leaseUntil: new Date(start.getTime() + LEASE_MS), leaseOwner: o.instanceId })
    .where(and(eq(webhooks.id, hookId), eq(webhooks.active, true), or(isNull(webhooks.leaseUntil), lt(webhooks.leaseUntil, start))))
    .returning();
  if (!hook) return round; // another instance has it
  try {
    const queue = await db
      .select({ d: webhookDeliveries, e: webhookEvents })
      .from(webhookDeliveries)
      .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
      .where(and(eq(webhookDeliveries.webhookId, hookId), eq(webhookDeliveries.status, "pending")))
      .orderBy(asc(webhookDeliveries.id))
      .limit(BATCH);
    for (const { d, e } of queue) {
      if (d.nextAttemptAt > clock()) break; // the head is backing off: the rest wait behind it
      const result = await send(hook, d, e, o);
      const at = clock();
      const attempts = d.attempts + 1;
      const common = { attempts, lastAttemptAt: at, lastStatus: result.status, lastError: result.error };
      if (result.ok) {
        await db
          .update(webhookDeliveries)
          .set({ ...common, status: "delivered", deliveredAt: at })
          .where(eq(webhookDeliveries.id, d.id));
        round.delivered++;
      } else if (attempts >= MAX_ATTEMPTS) {
        await db
          .update(webhookDeliveries)
          .set({ ...common, status: "failed" })
          .where(eq(webhookDeliveries.id, d.id));
        round.failed++;
      } else {
        await db
          .update(webhookDeliveries)
          .set({ ...common, nextAttemptAt: new Date(at.getTime() + backoffSeconds(attempts) * 1000) })
          .where(eq(webhookDeliveries.id, d.id));
        round.retried++;
        break;
      }
    }
  } finally {
    await db
      .update(webhooks)
      .set({ leaseUntil: null, leaseOwner: null })
      .where(and(eq(webhooks.id, hookId), eq(webhooks.leaseOwner, o.instanceId)));
  }
  return round;
}

/**
 * One round of the delivery worker: every active hook whose oldest pending delivery (the head of its queue) is due, each under a lease
 * (several broker or web instances may run this at once and never send twice), hooks in parallel so a slow
 * receiver delays only itself. Runs outside any request: a change never waits for a receiver.
 */
export async function deliverDueWebhooks(db: Db, o: DeliverOptions): Promise<DeliveryRound> {
  const now = (o.now ?? (() => new Date()))();
  const due = await db.execute<{ id: number }>(sql`select w.id from webhooks w
    where w.active and (w.lease_until is null or w.lease_until < ${now.toISOString()}::timestamptz)
      and (select d.next_attempt_at from webhook_deliveries d where d.webhook_id = w.id and d.status = 'pending' order by d.id limit 1) <= ${now.toISOString()}::timestamptz
    order by w.id limit 50`);
  const rounds = await Promise.all([...due].map((row) => deliverHook(db, Number(row.id), o)));
  return rounds.reduce((a, r) => ({ delivered: a.delivered + r.delivered, retried: a.retried + r.retried, failed: a.failed + r.failed }), {
    delivered: 0,
    retried: 0,
    failed: 0,
  });
}
