import { and, asc, eq, inArray, like, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import {
  committeeFunctions,
  committees,
  functionHolders,
  functionRoles,
  membershipStatuses,
  people,
  permissions,
  rolePermissions,
  roles,
  statusRoles,
} from "@/lib/db/schema";
import { spaceToday } from "../settings/space-today";
import { fail, type Failure } from "../shared/result";
import { rightKeysOfPerson } from "./person-permissions";

/**
 * Dynamic rights (the Dutch association's design): every membership status and every committee has its own view
 * right, "may see people with status X" / "may see members of committee Y", kept as rows of `permissions` so roles
 * carry them like built-in permissions. The people list, its exports, the mailing lists and the directory show a
 * viewer only the people of the groups they may see (and themselves). System admins see every group: they could
 * give themselves any of these rights anyway, which is also why containment needs no extra rule for them.
 */
export type ViewRightKind = "status" | "committee";
const PREFIX = { status: "view.status.", committee: "view.committee." } as const;

export const viewRightKey = (kind: ViewRightKind, id: number) => `${PREFIX[kind]}${id}`;

export function parseViewRight(key: string): { kind: ViewRightKind; id: number } | null {
  const m = /^view\.(status|committee)\.(\d{1,9})$/.exec(key);
  return m ? { kind: m[1] as ViewRightKind, id: Number(m[2]) } : null;
}

/** The groups a view right can name, each by id and name: every status (in its order) and every committee. */
export interface ViewRightGroups {
  statuses: { id: number; name: string }[];
  committees: { id: number; name: string }[];
}

export async function viewRightGroups(db: Db): Promise<ViewRightGroups> {
  const [statuses, groups] = await Promise.all([
    db
      .select({ id: membershipStatuses.id, name: membershipStatuses.name })
      .from(membershipStatuses)
      .orderBy(asc(membershipStatuses.sortOrder), asc(membershipStatuses.id)),
    db.select({ id: committees.id, name: committees.name }).from(committees).orderBy(asc(committees.name)),
  ]);
  return { statuses, committees: groups };
}

/** Roles that could see people before view rights existed get each new group's right: nothing disappears by default. */
async function defaultHolders(tx: Db): Promise<number[]> {
  const rows = await tx
    .selectDistinct({ roleId: rolePermissions.roleId })
    .from(rolePermissions)
    .innerJoin(roles, eq(roles.id, rolePermissions.roleId))
    .where(or(inArray(rolePermissions.permissionKey, ["members.read", "directory.read"]), eq(roles.key, "admin")));
  return rows.map((r) => r.roleId);
}

/**
 * Makes the view rights match the statuses and committees: creates the right of a new group (given to the roles
 * that see people), renames descriptions, and drops the right of a deleted group (its grants go by cascade).
 * Idempotent; runs after every change to statuses or committees and at every start.
 */
export async function syncViewRights(db: Db): Promise<void> {
  const [statuses, groups, existing] = await Promise.all([
    db.select({ id: membershipStatuses.id, name: membershipStatuses.name }).from(membershipStatuses),
    db.select({ id: committees.id, name: committees.name }).from(committees),
    db.select().from(permissions).where(like(permissions.key, "view.%")),
  ]);
  const wanted = new Map<string, string>([
    ...statuses.map((s) => [viewRightKey("status", s.id), `See people with status "${s.name}"`] as const),
    ...groups.map((c) => [viewRightKey("committee", c.id), `See members of committee "${c.name}"`] as const),
  ]);
  const have = new Map(existing.map((p) => [p.key, p.description]));
  const stale = [...have.keys()].filter((k) => parseViewRight(k) && !wanted.has(k));
  if (stale.length) await db.delete(permissions).where(inArray(permissions.key, stale));
  const fresh = [...wanted.keys()].filter((k) => !have.has(k));
  for (const [key, description] of wanted)
    if (have.has(key) && have.get(key) !== description) await db.update(permissions).set({ description }).where(eq(permissions.key, key));
  if (fresh.length === 0) return;
  await db
    .insert(permissions)
    .values(fresh.map((key) => ({ key, description: wanted.get(key)! })))
    .onConflictDoNothing();
  const holders = await defaultHolders(db);
  if (holders.length)
    await db
      .insert(rolePermissions)
      .values(holders.flatMap((roleId) => fresh.map((permissionKey) => ({ roleId, permissionKey }))))
      .onConflictDoNothing();
}

/** Which groups a viewer may see: every group, or these statuses and committees (and always themselves). */
export interface ViewScope {
  all: boolean;
  viewerId: number | null;
  statusIds: number[];
  committeeIds: number[];
}

export const FULL_SCOPE: ViewScope = { all: true, viewerId: null, statusIds: [], committeeIds: [] };

export async function viewScopeOf(db: Db, personId: number, now = new Date()): Promise<ViewScope> {
  return scopeOfKeys(personId, await rightKeysOfPerson(db, personId, now));
}

/** The scope from a person's right keys already read (rightKeysOfPerson: the session reads them once per request). */
export function scopeOfKeys(personId: number, { keys, everything }: { keys: string[]; everything: boolean }): ViewScope {
  if (everything || keys.includes("system.admin")) return { ...FULL_SCOPE, viewerId: personId };
  const rights = keys.map(parseViewRight).filter((r) => r !== null);
  return {
    all: false,
    viewerId: personId,
    statusIds: rights.filter((r) => r.kind === "status").map((r) => r.id),
    committeeIds: rights.filter((r) => r.kind === "committee").map((r) => r.id),
  };
}

/** The scope as a condition on `people` (undefined: no limit), for the list queries. */
export function scopeCondition(scope: ViewScope, today: string): SQL | undefined {
  if (scope.all) return undefined;
  const parts: SQL[] = [];
  if (scope.viewerId !== null) parts.push(eq(people.id, scope.viewerId));
  if (scope.statusIds.length) parts.push(inArray(people.statusId, scope.statusIds));
  if (scope.committeeIds.length)
    parts.push(sql`exists (select 1 from ${functionHolders} join ${committeeFunctions} on ${committeeFunctions.id} = ${functionHolders.functionId}
      where ${functionHolders.personId} = ${people.id} and ${inArray(committeeFunctions.committeeId, scope.committeeIds)}
      and ${functionHolders.since} <= ${today} and (${functionHolders.until} is null or ${functionHolders.until} >= ${today}))`);
  return parts.length ? or(...parts) : sql`false`;
}

/** Of these people, the ones the scope lets the viewer see (for lists computed elsewhere, e.g. mailing lists). */
export async function visibleInScope(db: Db, scope: ViewScope, personIds: number[], now = new Date()): Promise<Set<number>> {
  if (scope.all || personIds.length === 0) return new Set(personIds);
  const rows = await db
    .select({ id: people.id })
    .from(people)
    .where(and(inArray(people.id, personIds), scopeCondition(scope, await spaceToday(db, now))));
  return new Set(rows.map((r) => r.id));
}

/**
 * May the viewer read or act on this one person by id (the admin person page, its actions, the person's export)?
 * The same rule as the lists (`scopeCondition`): oneself, a person of a group the viewer may see, or anyone for a
 * viewer who sees every group. No statement for those two; one for a narrowed scope.
 */
export async function personInViewScope(db: Db, scope: ViewScope, personId: number, now = new Date()): Promise<boolean> {
  if (scope.all || scope.viewerId === personId) return true;
  return (await visibleInScope(db, scope, [personId], now)).has(personId);
}

/**
 * The refusal for a person outside the actor's view scope, or null: "not found", as for a person who does not
 * exist, so a narrowed viewer learns nothing about who is outside their groups.
 */
export async function outOfViewRefusal(db: Db, actorId: number, personId: number, now = new Date()): Promise<Failure<"not_found"> | null> {
  if (actorId === personId) return null;
  return (await personInViewScope(db, await viewScopeOf(db, actorId, now), personId, now)) ? null : fail("not_found", "No such person.");
}

/**
 * Containment for view rights (grantRefusal weighs built-in permissions only): "no permission lets its holder gain
 * more than it grants". The view rights a grant carries must be the actor's own, or its holder would see groups the
 * actor may not. A viewer who sees every group passes. Code `exceeds_own_view_rights`; null when allowed.
 */
export type ViewRightsRefusal = Failure<"exceeds_own_view_rights">;

/** The view rights of `carried` that right keys already read (rightKeysOfPerson) lack, sorted; none for a viewer who sees every group. */
export function viewRightsMissing(actorId: number, held: { keys: string[]; everything: boolean }, carried: string[]): string[] {
  if (scopeOfKeys(actorId, held).all) return [];
  return [...new Set(carried)].filter((key) => parseViewRight(key) && !held.keys.includes(key)).sort();
}

async function viewRightsBeyondRefusal(db: Db, actorId: number, carried: string[], now: Date, message: string): Promise<ViewRightsRefusal | null> {
  if (!carried.some((key) => parseViewRight(key))) return null;
  const missing = viewRightsMissing(actorId, await rightKeysOfPerson(db, actorId, now), carried);
  return missing.length ? fail("exceeds_own_view_rights", `${message} (${missing.join(", ")}).`) : null;
}

/**
 * A committee function's roles become its holder's: a desk that sees members only could assign themselves, or an
 * accomplice, a function that shows everyone.
 */
export async function functionViewRightsRefusal(db: Db, actorId: number, functionId: number, now = new Date()): Promise<ViewRightsRefusal | null> {
  const carried = await db
    .selectDistinct({ key: rolePermissions.permissionKey })
    .from(functionRoles)
    .innerJoin(rolePermissions, eq(rolePermissions.roleId, functionRoles.roleId))
    .where(and(eq(functionRoles.functionId, functionId), like(rolePermissions.permissionKey, "view.%")));
  return viewRightsBeyondRefusal(
    db,
    actorId,
    carried.map((r) => r.key),
    now,
    "You cannot hand out view rights you do not hold yourself",
  );
}

/** The view rights a membership status's roles carry (view.* keys). */
export async function viewRightsOfStatus(db: Db, statusId: number): Promise<string[]> {
  const rows = await db
    .selectDistinct({ key: rolePermissions.permissionKey })
    .from(statusRoles)
    .innerJoin(rolePermissions, eq(rolePermissions.roleId, statusRoles.roleId))
    .where(and(eq(statusRoles.statusId, statusId), like(rolePermissions.permissionKey, "view.%")));
  return rows.map((r) => r.key);
}

/**
 * Moving oneself to a status whose roles carry view rights one does not hold: a desk that sees members only would
 * become a member and see every group (the member role's directory.read brings every group's right by default).
 * Only the actor's *own* status is weighed: giving others a status is the desk's work (admitting an applicant as a
 * member), and what a status shows is the configuration of an admin who sees everything; the status's built-in
 * permissions stay contained for everyone by grantRefusal.
 */
export async function ownStatusViewRightsRefusal(db: Db, actorId: number, statusId: number, now = new Date()): Promise<ViewRightsRefusal | null> {
  return viewRightsBeyondRefusal(
    db,
    actorId,
    await viewRightsOfStatus(db, statusId),
    now,
    "You cannot give yourself a status that lets you see people you may not see now",
  );
}
