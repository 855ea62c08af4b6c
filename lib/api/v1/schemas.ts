import { MACHINE_STATES } from "@/lib/domain/machines/machine-state";
import type { JsonSchema } from "./params";

/**
 * The response shapes (OpenAPI 3.1 component schemas, i.e. JSON Schema 2020-12). Closed objects
 * (additionalProperties: false): the walking test then fails on any field an endpoint sends undocumented.
 */
const nullable = (type: string, extra: JsonSchema = {}): JsonSchema => ({ type: [type, "null"], ...extra });
const dateTime = { type: "string", format: "date-time" } as const;
const id = { type: "integer", minimum: 1 } as const;

function object(properties: Record<string, JsonSchema>, optional: string[] = [], description?: string): JsonSchema {
  return {
    type: "object",
    ...(description ? { description } : {}),
    required: Object.keys(properties).filter((k) => !optional.includes(k)),
    properties,
    additionalProperties: false,
  };
}

export const ref = (name: keyof typeof COMPONENT_SCHEMAS) => ({ $ref: `#/components/schemas/${name}` });

/** A page of a list: the rows and where the next page starts (null on the last page). */
export const pageOf = (name: keyof typeof COMPONENT_SCHEMAS): JsonSchema =>
  object({
    data: { type: "array", items: ref(name) },
    nextCursor: nullable("string", { description: "Pass as `cursor` for the next page; null on the last page." }),
  });

const PROFILE_FIELDS = ["name", "email", "phone", "address", "company", "jobTitle", "studies", "interests", "hasPhoto", "partnerId"];

export const COMPONENT_SCHEMAS = {
  Problem: {
    type: "object",
    description: "An error (RFC 9457, application/problem+json).",
    required: ["type", "title", "status", "detail", "code"],
    properties: {
      type: { type: "string", description: "Identifies the problem type; described on /api/v1/docs." },
      title: { type: "string" },
      status: { type: "integer" },
      detail: { type: "string", description: "What went wrong in this request, in plain English." },
      instance: { type: "string" },
      code: {
        type: "string",
        enum: ["invalid_request", "unauthorized", "forbidden", "not_found", "method_not_allowed", "unsupported_media_type", "rate_limited", "internal"],
      },
      errors: { type: "array", items: object({ name: { type: "string" }, in: { type: "string", enum: ["query", "path"] }, message: { type: "string" } }) },
    },
    additionalProperties: false,
  },
  Me: object({
    tokenId: id,
    tokenName: { type: "string" },
    kind: { type: "string", enum: ["person", "service"] },
    personId: nullable("integer"),
    serviceId: nullable("integer"),
    name: { type: "string", description: "The owner: a person's name or a service's." },
    scopes: { type: "array", items: { type: "string" } },
    effectiveScopes: { type: "array", items: { type: "string" }, description: "The scopes in effect now: the owner still holds their rights." },
    expiresAt: dateTime,
  }),
  Member: object(
    {
      id,
      memberNumber: nullable("integer"),
      name: { type: "string" },
      email: nullable("string"),
      phone: nullable("string"),
      address: nullable("string", { description: "The main (postal) address, one line." }),
      company: nullable("string"),
      jobTitle: nullable("string"),
      studies: { type: "array", items: object({ field: { type: "string" }, startYear: nullable("integer"), endYear: nullable("integer") }) },
      interests: nullable("string"),
      hasPhoto: { type: "boolean" },
      partnerId: nullable("integer"),
    },
    PROFILE_FIELDS,
    "A person as the token's owner may see them: each field appears only when that person's visibility settings show it to this viewer.",
  ),
  PersonRow: object({
    id,
    memberNumber: nullable("integer"),
    firstName: nullable("string"),
    lastName: nullable("string"),
    email: nullable("string"),
    status: object({ key: { type: "string" }, name: { type: "string" } }),
    joinedOn: nullable("string", { format: "date-time" }),
  }),
  Status: object({
    id,
    key: { type: "string" },
    name: { type: "string" },
    mayLogIn: { type: "boolean" },
    mayUseMachines: { type: "boolean" },
    inDirectory: { type: "boolean" },
    mayVote: { type: "boolean" },
  }),
  Machine: object({
    id,
    name: { type: "string" },
    location: { type: "string" },
    type: { type: "string", description: "The equipment type." },
    state: { type: "string", enum: [...MACHINE_STATES] },
    blockedReason: { type: "string" },
    maintenanceText: { type: "string", description: "The short text of the most overdue maintenance plan, or empty." },
    lastHeardAt: nullable("string", { format: "date-time", description: "When its board last reported." }),
    inUse: {
      oneOf: [
        { type: "null" },
        object({ since: dateTime, personName: nullable("string", { description: "Only for viewers who may see who uses a machine." }) }),
      ],
    },
  }),
  UsageSession: object({
    id,
    machineId: id,
    machineName: { type: "string" },
    personId: nullable("integer", { description: "Null once the retention purge anonymised the session." }),
    personName: { type: "string" },
    cardUid: { type: "string" },
    startedAt: dateTime,
    endedAt: nullable("string", { format: "date-time" }),
    durationSeconds: nullable("integer"),
    recordedAs: { type: "string", enum: ["live", "replayed", "reconstructed", "manual"] },
  }),
  EquipmentType: object({
    id,
    name: { type: "string" },
    description: { type: "string" },
    purpose: {
      type: "string",
      enum: ["equipment", "organisation", "system"],
      description: "organisation: membership induction; system: database administration.",
    },
    noAuthorizationNeeded: { type: "boolean" },
    validityMonths: nullable("integer", { description: "How long an authorization lasts; null: indefinitely." }),
  }),
  Authorization: object({
    id,
    personId: id,
    equipmentTypeId: id,
    equipmentTypeName: { type: "string" },
    level: { type: "string", enum: ["user", "owner", "trainer"] },
    source: { type: "string", enum: ["training", "grant"] },
    grantedAt: dateTime,
    expiresAt: nullable("string", { format: "date-time" }),
    revokedAt: nullable("string", { format: "date-time" }),
    current: { type: "boolean", description: "In force now: neither revoked nor expired." },
  }),
  EventOccurrence: object({
    eventId: id,
    title: { type: "string" },
    startsAt: dateTime,
    endsAt: dateTime,
    allDay: { type: "boolean" },
    cancelled: { type: "boolean" },
    public: { type: "boolean" },
    rooms: { type: "array", items: { type: "string" } },
  }),
  Event: object({
    id,
    title: { type: "string" },
    description: { type: "string", description: "Markdown." },
    startsAt: dateTime,
    endsAt: dateTime,
    allDay: { type: "boolean" },
    timeZone: { type: "string" },
    public: { type: "boolean" },
    cancelled: { type: "boolean" },
    capacity: nullable("integer"),
    rooms: { type: "array", items: object({ id, name: { type: "string" } }) },
    resources: { type: "array", items: object({ id, name: { type: "string" } }) },
    responsible: { oneOf: [{ type: "null" }, object({ name: { type: "string" } })] },
    signedUp: { type: "integer" },
    waitlisted: { type: "integer" },
  }),
  Registration: object({
    id,
    name: { type: "string" },
    email: { type: "string" },
    guest: { type: "boolean" },
    status: { type: "string" },
    createdAt: dateTime,
  }),
  Thing: object({
    number: id,
    name: { type: "string" },
    description: { type: "string" },
    category: nullable("string"),
    location: { oneOf: [{ type: "null" }, object({ id, name: { type: "string" } })] },
    lentOut: { type: "boolean", description: "Currently lent to someone." },
    onLoanFromMember: { type: "boolean" },
    lenderUntil: nullable("string", { format: "date" }),
  }),
  OpenStatus: object({
    open: nullable("boolean", { description: "Null while nobody ever set the status." }),
    since: nullable("string", { format: "date-time" }),
    message: { type: "string" },
  }),
  OpenStatusInput: object({ open: { type: "boolean" }, message: { type: "string", maxLength: 200 } }, ["message"]),
} satisfies Record<string, JsonSchema>;
