import type { Db } from "@/lib/db/client";
import { auditLog } from "@/lib/db/schema";
import type { AuditChangeType } from "./change-types";
import { webhookEventOfAudit } from "../webhooks/event-types";
import { enqueueWebhookEvent } from "../webhooks/outbox";

export interface AuditInput {
  /** The person who made the change; null for the system or a board. */
  actorId: number | null;
  /** The person whose record the change touched, if any. */
  subjectPersonId?: number | null;
  /** Dotted kind of change, e.g. "person.status", "card.revoked", "machine.block": one of AUDIT_CHANGE_TYPES. */
  changeType: AuditChangeType;
  entity: string;
  entityId?: string | number | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** Fields that never go into the audit log, whatever table they come from (compared without case and `_`). */
const SECRET_FIELDS = new Set(["passwordhash", "boardpasswordhash", "tokenhash", "secret", "feedtoken"]);
// A password hash under any other name (a nested row, a raw SQL result) is still recognised by its shape.
const HASH_VALUE = /^\$(argon2(id|i|d)|2[aby]|scrypt|pbkdf2)/;

function scrubValue(key: string, value: unknown, depth: number): unknown {
  if (SECRET_FIELDS.has(key.toLowerCase().replaceAll("_", ""))) return "[redacted]";
  if (typeof value === "string") return HASH_VALUE.test(value) ? "[redacted]" : value;
  if (depth > 5 || value === null || typeof value !== "object" || value instanceof Date) return value;
  if (Array.isArray(value)) return value.map((v) => scrubValue("", v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubValue(k, v, depth + 1)]));
}

function scrub(values: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
  if (!values) return null;
  return scrubValue("", values, 0) as Record<string, unknown>;
}

/** Only the fields that differ, so a history entry shows what changed rather than the whole row. */
export function diffValues<T extends Record<string, unknown>>(before: T, after: T): { before: Partial<T>; after: Partial<T> } {
  // Typed by the row compared, so the audited fields are known to the checker (audited-fields.ts).
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof T & string>) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}

/**
 * Call inside the same transaction as the change, so there is never a change without its entry. Changes that are
 * webhook events (person created, machine blocked …) go into the webhook outbox here too, in that transaction.
 */
export async function recordAudit(db: Db, entry: AuditInput): Promise<void> {
  const event = webhookEventOfAudit(entry);
  if (event) await enqueueWebhookEvent(db, event.type, event.data);
  await db.insert(auditLog).values({
    actorId: entry.actorId,
    subjectPersonId: entry.subjectPersonId ?? null,
    changeType: entry.changeType,
    entity: entry.entity,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    before: scrub(entry.before),
    after: scrub(entry.after),
  });
}
