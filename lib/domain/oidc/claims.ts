import { and, eq, gte, isNull, lte, or } from "drizzle-orm";
import { union } from "drizzle-orm/pg-core";
import type { Db } from "@/lib/db/client";
import { accounts, committeeFunctions, committees, functionHolders, functionRoles, membershipStatuses, people, personRoles, profiles, roles, statusRoles } from "@/lib/db/schema";
import { fieldAudience } from "../people/visibility";
import { spaceToday } from "../settings/space-today";
import { SHARED_FIELDS, type SharedField } from "./scopes";

/**
 * The fields offered as ticked on the consent screen: those the person lets fellow members see anyway (the
 * space's other services are members' places). A field they keep for the board stays unticked until they tick it.
 */
export async function defaultSharedFields(db: Db, personId: number, scopes: readonly string[]): Promise<SharedField[]> {
  const [p] = await db.select({ visibility: profiles.visibility, boardOnly: profiles.boardOnly, partnerPersonId: profiles.partnerPersonId }).from(profiles).where(eq(profiles.personId, personId));
  if (!p) return [];
  return (Object.keys(SHARED_FIELDS) as SharedField[]).filter((f) => scopes.includes(SHARED_FIELDS[f]) && fieldAudience({ personId, ...p }, f) !== "board");
}

/** Groups for other services: "status:<key>", "role:<key>" (direct, by status or by a function held today), "committee:<name>". */
async function groupsOf(db: Db, personId: number, now: Date): Promise<string[]> {
  const today = await spaceToday(db, now);
  const held = and(eq(functionHolders.personId, personId), lte(functionHolders.since, today), or(isNull(functionHolders.until), gte(functionHolders.until, today)));
  const direct = db.select({ key: roles.key }).from(personRoles).innerJoin(roles, eq(roles.id, personRoles.roleId)).where(eq(personRoles.personId, personId));
  const byStatus = db
    .select({ key: roles.key })
    .from(people)
    .innerJoin(statusRoles, eq(statusRoles.statusId, people.statusId))
    .innerJoin(roles, eq(roles.id, statusRoles.roleId))
    .where(eq(people.id, personId));
  const byFunction = db
    .select({ key: roles.key })
    .from(functionHolders)
    .innerJoin(functionRoles, eq(functionRoles.functionId, functionHolders.functionId))
    .innerJoin(roles, eq(roles.id, functionRoles.roleId))
    .where(held);
  const roleKeys = (await union(direct, byStatus, byFunction)).map((r) => r.key);
  const committeeNames = await db
    .selectDistinct({ name: committees.name })
    .from(functionHolders)
    .innerJoin(committeeFunctions, eq(committeeFunctions.id, functionHolders.functionId))
    .innerJoin(committees, eq(committees.id, committeeFunctions.committeeId))
    .where(held);
  const [status] = await db.select({ key: membershipStatuses.key }).from(people).innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId)).where(eq(people.id, personId));
  return [...(status ? [`status:${status.key}`] : []), ...[...new Set(roleKeys)].sort().map((k) => `role:${k}`), ...committeeNames.map((c) => `committee:${c.name}`).sort()];
}

export type Claims = Record<string, unknown> & { sub: string };

/**
 * What a client learns about a person: always the subject (the person's id, stable across email changes);
 * name only with the profile scope AND the person's consent to share it, likewise the login email with the email
 * scope; the preferred language with profile; status, roles and committees with groups.
 */
export async function claimsFor(db: Db, personId: number, scopes: readonly string[], fields: readonly string[], now = new Date()): Promise<Claims> {
  const claims: Claims = { sub: String(personId) };
  const [row] = await db
    .select({ firstName: profiles.firstName, lastName: profiles.lastName, language: profiles.preferredLanguage, loginEmail: accounts.email })
    .from(people)
    .leftJoin(profiles, eq(profiles.personId, people.id))
    .leftJoin(accounts, eq(accounts.personId, people.id))
    .where(eq(people.id, personId));
  if (!row) return claims;
  if (scopes.includes("profile")) {
    if (row.language) claims.locale = row.language;
    if (fields.includes("name") && row.firstName !== null) {
      claims.name = [row.firstName, row.lastName].filter(Boolean).join(" ");
      claims.given_name = row.firstName;
      if (row.lastName) claims.family_name = row.lastName;
    }
  }
  if (scopes.includes("email") && fields.includes("email") && row.loginEmail) {
    claims.email = row.loginEmail;
    // Login emails are confirmed by a mailed link (sign-up, email change) or set by an admin.
    claims.email_verified = true;
  }
  if (scopes.includes("groups")) claims.groups = await groupsOf(db, personId, now);
  return claims;
}
