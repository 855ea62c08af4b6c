import { inArray } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import {
  committeeFunctions,
  committees,
  equipmentTypes,
  inventoryLocations,
  machines,
  membershipStatuses,
  membershipTypes,
  profiles,
  roles,
  rooms,
} from "@/lib/db/schema";

/** What an id or key in an audit entry's before/after stands for, by the field's name. */
export type NameKind = "person" | "equipmentType" | "machine" | "location" | "room" | "committee" | "function" | "role" | "status" | "membershipType";

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

/** Names by kind, keyed by id ("12") or key ("member"); a missing entry means the record is gone (or erased). */
export type AuditNames = Record<NameKind, Map<string, string>>;

interface EntryLike {
  actorId?: number | null;
  subjectPersonId?: number | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Every id and key the entries mention, looked up in one query per kind. */
export async function auditNames(db: Db, entries: readonly EntryLike[]): Promise<AuditNames> {
  const wanted: Record<NameKind, { ids: Set<number>; keys: Set<string> }> = Object.fromEntries(
    (["person", "equipmentType", "machine", "location", "room", "committee", "function", "role", "status", "membershipType"] as const).map((k) => [
      k,
      { ids: new Set<number>(), keys: new Set<string>() },
    ]),
  ) as never;
  const note = (kind: NameKind, value: unknown) => {
    if (typeof value === "number" && Number.isSafeInteger(value)) wanted[kind].ids.add(value);
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
  const byId = async (k: NameKind, load: (list: number[]) => Promise<{ id: number; name: string }[]>) =>
    new Map((ids(k).length ? await load(ids(k)) : []).map((r) => [String(r.id), r.name]));
  const [person, equipmentType, machine, location, room, committee, fn, roleById, roleByKey, statusById, statusByKey, typeById, typeByKey] = await Promise.all([
    byId("person", async (list) =>
      (await db.select({ id: profiles.personId, first: profiles.firstName, last: profiles.lastName }).from(profiles).where(inArray(profiles.personId, list)))
        .map((p) => ({ id: p.id, name: `${p.first} ${p.last}`.trim() }))
        .filter((p) => p.name),
    ),
    byId("equipmentType", (list) =>
      db.select({ id: equipmentTypes.id, name: equipmentTypes.name }).from(equipmentTypes).where(inArray(equipmentTypes.id, list)),
    ),
    byId("machine", (list) => db.select({ id: machines.id, name: machines.name }).from(machines).where(inArray(machines.id, list))),
    byId("location", (list) =>
      db.select({ id: inventoryLocations.id, name: inventoryLocations.name }).from(inventoryLocations).where(inArray(inventoryLocations.id, list)),
    ),
    byId("room", (list) => db.select({ id: rooms.id, name: rooms.name }).from(rooms).where(inArray(rooms.id, list))),
    byId("committee", (list) => db.select({ id: committees.id, name: committees.name }).from(committees).where(inArray(committees.id, list))),
    byId("function", (list) =>
      db.select({ id: committeeFunctions.id, name: committeeFunctions.name }).from(committeeFunctions).where(inArray(committeeFunctions.id, list)),
    ),
    byId("role", (list) => db.select({ id: roles.id, name: roles.name }).from(roles).where(inArray(roles.id, list))),
    keys("role").length
      ? db
          .select({ key: roles.key, name: roles.name })
          .from(roles)
          .where(inArray(roles.key, keys("role")))
      : [],
    byId("status", (list) =>
      db.select({ id: membershipStatuses.id, name: membershipStatuses.name }).from(membershipStatuses).where(inArray(membershipStatuses.id, list)),
    ),
    keys("status").length
      ? db
          .select({ key: membershipStatuses.key, name: membershipStatuses.name })
          .from(membershipStatuses)
          .where(inArray(membershipStatuses.key, keys("status")))
      : [],
    byId("membershipType", (list) =>
      db.select({ id: membershipTypes.id, name: membershipTypes.name }).from(membershipTypes).where(inArray(membershipTypes.id, list)),
    ),
    keys("membershipType").length
      ? db
          .select({ key: membershipTypes.key, name: membershipTypes.name })
          .from(membershipTypes)
          .where(inArray(membershipTypes.key, keys("membershipType")))
      : [],
  ]);
  const withKeys = (m: Map<string, string>, rows: { key: string; name: string }[]) => {
    for (const r of rows) m.set(r.key, r.name);
    return m;
  };
  return {
    person,
    equipmentType,
    machine,
    location,
    room,
    committee,
    function: fn,
    role: withKeys(roleById, roleByKey),
    status: withKeys(statusById, statusByKey),
    membershipType: withKeys(typeById, typeByKey),
  };
}
