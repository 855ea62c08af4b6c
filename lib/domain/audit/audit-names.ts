import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { executePrepared } from "@/lib/db/prepared";
import { people, profiles } from "@/lib/db/schema";
import { inScopeOf } from "../people/person-match";
import { fieldSight, nameSight, viewersScope, type NameViewer } from "../people/shown-names";
import { seesEveryProfile } from "../people/visibility-sql";
import type { VisibilityField } from "../people/visibility";
import { GUARDED_FIELDS } from "./personal-fields";

/** What an id or key in an audit entry's before/after stands for, by the field's name. */
export type NameKind = "person" | "equipmentType" | "machine" | "location" | "room" | "committee" | "function" | "role" | "status" | "membershipType";
const KINDS: readonly NameKind[] = ["person", "equipmentType", "machine", "location", "room", "committee", "function", "role", "status", "membershipType"];

const BY_FIELD: Record<string, NameKind> = {
  personId: "person",
  actorId: "person",
  byId: "person",
  userId: "person",
  memberId: "person",
  partnerId: "person",
  trainerId: "person",
  responsibleId: "person",
  equipmentTypeId: "equipmentType",
  requiresEquipmentTypeId: "equipmentType",
  machineId: "machine",
  locationId: "location",
  roomId: "room",
  committeeId: "committee",
  functionId: "function",
  roleId: "role",
  roles: "role",
  status: "status",
  statusId: "status",
  type: "membershipType",
  membershipTypeId: "membershipType",
};

/** The kind of thing a field names, or null; "…PersonId" fields (borrowerPersonId, partnerPersonId) are people. */
export function kindOfField(field: string): NameKind | null {
  if (Object.hasOwn(BY_FIELD, field)) return BY_FIELD[field]!;
  if (field.endsWith("PersonId")) return "person";
  return null;
}

/**
 * Names by kind, keyed by id ("12") or key ("member"); a missing entry means the record is gone (or erased).
 * `hiddenPeople`: the people whose name the reader may not see (shown as nameShownTo's callers show it).
 * `fieldsSeen`: by person id, the profile fields (personal-fields.ts GUARDED_FIELDS) the reader may see of them, so
 * a recorded value of theirs is shown only then; `fieldsSeenOfAnyone`: those the reader sees of everyone (for a
 * subject with no profile left, an erased person whose values were blanked).
 */
export type AuditNames = Record<NameKind, Map<string, string>> & {
  hiddenPeople: Set<string>;
  fieldsSeen: Map<string, ReadonlySet<VisibilityField>>;
  fieldsSeenOfAnyone: ReadonlySet<VisibilityField>;
};

interface EntryLike {
  actorId?: number | null;
  subjectPersonId?: number | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/**
 * Every id and key the entries mention, looked up in one prepared statement whose text never changes (the ids and
 * keys go as arrays): a history page reads its names in one round trip (issue 20: were up to 13 statements, each
 * described first, their text varying with the number of ids so none could be prepared). None for no ids or keys.
 */
export async function auditNames(db: Db, entries: readonly EntryLike[], viewer: NameViewer): Promise<AuditNames> {
  const wanted: Record<NameKind, { ids: Set<number>; keys: Set<string> }> = Object.fromEntries(
    KINDS.map((k) => [k, { ids: new Set<number>(), keys: new Set<string>() }]),
  ) as never;
  const note = (kind: NameKind, value: unknown) => {
    // Ids are int4 columns: a number outside their range names nothing (and would fail the statement's cast).
    if (typeof value === "number" && Number.isInteger(value) && Math.abs(value) <= 2_147_483_647) wanted[kind].ids.add(value);
    else if (typeof value === "string" && value) wanted[kind].keys.add(value);
    else if (Array.isArray(value)) for (const v of value) note(kind, v);
  };
  for (const e of entries) {
    note("person", e.actorId);
    note("person", e.subjectPersonId);
    for (const side of [e.before, e.after]) {
      for (const [field, value] of Object.entries(side ?? {})) {
        const kind = kindOfField(field);
        if (kind) note(kind, value);
      }
    }
  }
  const ids = (k: NameKind) => [...wanted[k].ids];
  const keys = (k: NameKind) => [...wanted[k].keys];
  const names: AuditNames = Object.assign(Object.fromEntries(KINDS.map((k) => [k, new Map<string, string>()])), {
    hiddenPeople: new Set<string>(),
    fieldsSeen: new Map<string, ReadonlySet<VisibilityField>>(),
    fieldsSeenOfAnyone: new Set<VisibilityField>(),
  }) as never;
  if (KINDS.every((k) => wanted[k].ids.size === 0 && wanted[k].keys.size === 0)) return names;
  // A person's name only where their visibility and the reader's view rights let the reader see it (namesShownTo's
  // rule, the same SQL), and so each profile field their recorded values belong to. The text differs by kind of
  // reader only, never by the ids: each stays prepared.
  const scope = await viewersScope(db, viewer);
  const inScope = await inScopeOf(db, scope);
  const seen = nameSight(viewer, inScope);
  const fields = sql`array_remove(array[${sql.join(
    GUARDED_FIELDS.map((f) => sql`case when ${fieldSight(viewer, f, inScope)} then ${sql.raw(`'${f}'`)} end`),
    sql`, `,
  )}]::text[], null)`;
  names.fieldsSeenOfAnyone = new Set(GUARDED_FIELDS.filter((f) => !inScope && seesEveryProfile(viewer, f)));
  const rows = await executePrepared<{ kind: NameKind; by_key: boolean; ref: string; name: string; shown: boolean; fields: VisibilityField[] | null }>(
    db,
    "audit_names",
    sql`select * from (
      select 'person' as kind, false as by_key, ${profiles.personId}::text as ref, trim(${profiles.firstName} || ' ' || ${profiles.lastName}) as name,
          ${seen} as shown, ${fields} as fields
        from ${profiles} join ${people} on ${people.id} = ${profiles.personId} where ${profiles.personId} = any(${sql.param(ids("person"))}::int[])
          and ${people.erasedAt} is null
      union all select 'equipmentType', false, id::text, name, true, null from equipment_types where id = any(${sql.param(ids("equipmentType"))}::int[])
      union all select 'machine', false, id::text, name, true, null from machines where id = any(${sql.param(ids("machine"))}::int[])
      union all select 'location', false, id::text, name, true, null from inventory_locations where id = any(${sql.param(ids("location"))}::int[])
      union all select 'room', false, id::text, name, true, null from rooms where id = any(${sql.param(ids("room"))}::int[])
      union all select 'committee', false, id::text, name, true, null from committees where id = any(${sql.param(ids("committee"))}::int[])
      union all select 'function', false, id::text, name, true, null from committee_functions where id = any(${sql.param(ids("function"))}::int[])
      union all select 'role', false, id::text, name, true, null from roles where id = any(${sql.param(ids("role"))}::int[])
      union all select 'role', true, key, name, true, null from roles where key = any(${sql.param(keys("role"))}::text[])
      union all select 'status', false, id::text, name, true, null from membership_statuses where id = any(${sql.param(ids("status"))}::int[])
      union all select 'status', true, key, name, true, null from membership_statuses where key = any(${sql.param(keys("status"))}::text[])
      union all select 'membershipType', false, id::text, name, true, null from membership_types where id = any(${sql.param(ids("membershipType"))}::int[])
      union all select 'membershipType', true, key, name, true, null from membership_types where key = any(${sql.param(keys("membershipType"))}::text[])
    ) found`,
  );
  // A key and an id may read alike ("12"): the key's name wins, as it did when each kind was a query of its own.
  for (const r of rows) if (r.kind === "person") names.fieldsSeen.set(r.ref, new Set(r.fields ?? []));
  for (const r of rows.filter((r) => r.name !== "")) if (r.kind === "person" && !r.shown) names.hiddenPeople.add(r.ref);
  for (const r of rows) if (!r.by_key && r.shown && r.name !== "") names[r.kind].set(r.ref, r.name);
  for (const r of rows) if (r.by_key && r.name !== "") names[r.kind].set(r.ref, r.name);
  return names;
}
