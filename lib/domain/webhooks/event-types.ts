import type { AuditInput } from "../audit/record-audit";

/**
 * What a hook can subscribe to. Payloads are thin on purpose: ids and the few facts that need no visibility rule
 * (a status key, a machine's block reason). A receiver that needs names or contact data asks the REST API with its
 * own token, which applies the viewer's rights and each person's visibility.
 */
export const WEBHOOK_EVENTS = [
  "person.created",
  "person.changed",
  "person.erased",
  "status.changed",
  "usage.started",
  "usage.stopped",
  "machine.blocked",
  "machine.unblocked",
  "maintenance.due",
  "event.created",
  "event.changed",
  "registration.created",
  "registration.cancelled",
  "loan.overdue",
  "authorization.granted",
  "authorization.revoked",
  "open_status.changed",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENTS as readonly string[]).includes(value);
}

const num = (v: unknown) => (v === null || v === undefined || v === "" ? null : Number(v));
const person = (e: AuditInput) => ({ personId: e.subjectPersonId ?? num(e.entityId) });
const registration = (e: AuditInput) => ({
  registrationId: num(e.entityId),
  eventId: num(e.after?.eventId ?? e.before?.eventId),
  personId: e.subjectPersonId ?? null,
  status: e.after?.status ?? null,
});

type Mapping = { type: WebhookEventType; data(e: AuditInput): Record<string, unknown> };

/**
 * Audited changes that are webhook events. Every change is audited in its own transaction (recordAudit), so
 * hooking in there writes the outbox row in the same transaction as the change, whichever page, import or job made it.
 */
const FROM_AUDIT: Record<string, Mapping> = {
  "person.create": { type: "person.created", data: person },
  "person.import": { type: "person.created", data: person },
  "person.signup": { type: "person.created", data: person },
  "profile.update": { type: "person.changed", data: (e) => ({ ...person(e), change: e.changeType }) },
  "profile.visibility": { type: "person.changed", data: (e) => ({ ...person(e), change: e.changeType }) },
  "profile.photo": { type: "person.changed", data: (e) => ({ ...person(e), change: e.changeType }) },
  "profile.partner": { type: "person.changed", data: (e) => ({ ...person(e), change: e.changeType }) },
  "address.create": { type: "person.changed", data: (e) => ({ ...person(e), change: e.changeType }) },
  "address.update": { type: "person.changed", data: (e) => ({ ...person(e), change: e.changeType }) },
  "address.delete": { type: "person.changed", data: (e) => ({ ...person(e), change: e.changeType }) },
  "address.main": { type: "person.changed", data: (e) => ({ ...person(e), change: e.changeType }) },
  "membership.create": { type: "person.changed", data: (e) => ({ ...person(e), change: e.changeType }) },
  "membership.update": { type: "person.changed", data: (e) => ({ ...person(e), change: e.changeType }) },
  "person.erase": { type: "person.erased", data: person },
  "person.status": { type: "status.changed", data: (e) => ({ ...person(e), from: e.before?.status ?? null, to: e.after?.status ?? null }) },
  "person.admit": { type: "status.changed", data: (e) => ({ ...person(e), from: e.before?.status ?? null, to: e.after?.status ?? null }) },
  "machine.block": { type: "machine.blocked", data: (e) => ({ machineId: num(e.entityId), reason: e.after?.blockedReason ?? e.after?.reason ?? null }) },
  "machine.unblock": { type: "machine.unblocked", data: (e) => ({ machineId: num(e.entityId) }) },
  "maintenance.due_notified": {
    type: "maintenance.due",
    data: (e) => ({ planId: num(e.entityId), machineId: num(e.after?.machineId), hoursSince: e.after?.hoursSince ?? null }),
  },
  "event.create": { type: "event.created", data: (e) => ({ eventId: num(e.entityId), public: e.after?.visibility === "public" }) },
  "event.update": { type: "event.changed", data: (e) => ({ eventId: num(e.entityId) }) },
  "event.register": { type: "registration.created", data: registration },
  "event.guest_confirm": { type: "registration.created", data: registration },
  "event.unregister": { type: "registration.cancelled", data: registration },
  "thing.loan_reminder": {
    type: "loan.overdue",
    data: (e) => ({ thingId: num(e.entityId), loanId: num(e.after?.loanId), personId: e.subjectPersonId ?? null }),
  },
  "authorization.grant": {
    type: "authorization.granted",
    data: (e) => ({
      authorizationId: num(e.entityId),
      personId: e.subjectPersonId ?? null,
      equipmentTypeId: num(e.after?.equipmentTypeId),
      level: e.after?.level ?? null,
    }),
  },
  "authorization.revoke": { type: "authorization.revoked", data: (e) => ({ authorizationId: num(e.entityId), personId: e.subjectPersonId ?? null }) },
  "space.open": { type: "open_status.changed", data: () => ({ open: true }) },
  "space.close": { type: "open_status.changed", data: () => ({ open: false }) },
};

/** The webhook event an audited change is, if any. */
export function webhookEventOfAudit(entry: AuditInput): { type: WebhookEventType; data: Record<string, unknown> } | null {
  const mapping = Object.hasOwn(FROM_AUDIT, entry.changeType) ? FROM_AUDIT[entry.changeType]! : null;
  return mapping ? { type: mapping.type, data: mapping.data(entry) } : null;
}
