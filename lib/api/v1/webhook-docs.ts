import { WEBHOOK_EVENTS, type WebhookEventType } from "@/lib/domain/webhooks/event-types";
import { IMPLAUSIBLE_REASONS } from "@/lib/db/schema";
import type { JsonSchema } from "./params";

const id = { type: "integer" };
const idOrNull = { type: ["integer", "null"] };
const textOrNull = { type: ["string", "null"] };
const instant = { type: "string", format: "date-time" };
const person = { personId: idOrNull };
const usage = {
  sessionId: id,
  machineId: id,
  personId: idOrNull,
  startedAt: instant,
  endedAt: { type: ["string", "null"], format: "date-time" },
  durationSeconds: idOrNull,
  recordedAs: { type: "string" },
  endedBecause: {
    type: ["string", "null"],
    enum: ["stop", "stale", "superseded", "manual", null],
    description: "How the session ended: the card's stop, an hour without a heartbeat (stale), another card's start (superseded); null while open.",
  },
  flaggedReason: {
    type: ["string", "null"],
    enum: [...IMPLAUSIBLE_REASONS, null],
    description: "Set when the board reported a duration that cannot be true: recorded as reported but counted nowhere until an admin accepts it.",
  },
};
const registration = { registrationId: idOrNull, eventId: idOrNull, personId: idOrNull, status: textOrNull };

/** The `data` of each event type: what lib/domain/webhooks sends (the webhook test checks every delivery against it). */
export const WEBHOOK_DATA: Record<WebhookEventType | "ping", Record<string, JsonSchema>> = {
  ping: { webhookId: id },
  "person.created": person,
  "person.changed": { ...person, change: { type: "string", description: "The audited change, e.g. profile.update or address.create." } },
  "person.erased": person,
  "status.changed": { ...person, from: textOrNull, to: textOrNull },
  "usage.started": usage,
  "usage.stopped": usage,
  "machine.blocked": { machineId: idOrNull, reason: textOrNull },
  "machine.unblocked": { machineId: idOrNull },
  "maintenance.due": { planId: idOrNull, machineId: idOrNull, hoursSince: { type: ["number", "null"] } },
  "event.created": { eventId: idOrNull, public: { type: "boolean" } },
  "event.changed": { eventId: idOrNull },
  "registration.created": registration,
  "registration.cancelled": registration,
  "loan.overdue": { thingId: idOrNull, loanId: idOrNull, personId: idOrNull },
  "authorization.granted": { authorizationId: idOrNull, personId: idOrNull, equipmentTypeId: idOrNull, level: textOrNull },
  "authorization.revoked": { authorizationId: idOrNull, personId: idOrNull },
  "open_status.changed": { open: { type: "boolean" } },
};

export function webhookBodySchema(type: WebhookEventType | "ping"): JsonSchema {
  const data = WEBHOOK_DATA[type];
  return {
    type: "object",
    required: ["id", "type", "occurredAt", "data"],
    properties: {
      id: { type: "string", description: "The event's id: the same on every retry; deduplicate by it." },
      type: { const: type },
      occurredAt: instant,
      data: { type: "object", required: Object.keys(data), properties: data, additionalProperties: false },
    },
    additionalProperties: false,
  };
}

const headers = [
  {
    name: "X-Makerspace-Signature",
    description: 't=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the hook\'s secret>. Check it, and that t is recent (a few minutes).',
  },
  { name: "X-Makerspace-Event", description: "The event type." },
  { name: "X-Makerspace-Event-Id", description: "The event's id (as in the body)." },
  { name: "X-Makerspace-Delivery", description: "This delivery's id (a retry of the same delivery keeps it)." },
];

/** The OpenAPI 3.1 `webhooks` section: what a subscribed address receives, one entry per event type. */
export function webhooksSection() {
  return Object.fromEntries(
    (["ping", ...WEBHOOK_EVENTS] as const).map((type) => [
      type,
      {
        post: {
          operationId: `webhook-${type.replace(/[._]/g, "-")}`,
          summary: type === "ping" ? "A test delivery an admin sent" : `Event ${type}`,
          parameters: headers.map((h) => ({ ...h, in: "header", required: true, schema: { type: "string" } })),
          requestBody: { required: true, content: { "application/json": { schema: webhookBodySchema(type) } } },
          responses: { "2XX": { description: "Received. Any other answer (or none within 10 s) is retried with backoff." } },
        },
      },
    ]),
  );
}
