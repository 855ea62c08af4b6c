import { and, eq, gte, inArray, isNull, lte, or } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { accounts, committeeFunctions, committees, functionHolders, membershipStatuses, people, profiles, roles } from "@/lib/db/schema";
import { heldRoleIds } from "../access/held-roles";
import { fieldAudience } from "../people/visibility";
import { spaceToday } from "../settings/space-today";
import { SHARED_FIELDS, type SharedField } from "./scopes";

/**
 * The fields offered as ticked on the consent screen: those the person lets fellow members see anyway (the
 * space's other services are members' places). A field they keep for the board stays unticked until they tick it.
 */
export async function defaultSharedFields(db: Db, personId: number, scopes: readonly string[]): Promise<SharedField[]> {
  const [p] = await db
    .select({ visibility: profiles.visibility, boardOnly: profiles.boardOnly, partnerPersonId: profiles.partnerPersonId })
    .from(profiles)
    .where(eq(profiles.personId, personId));
  if (!p) return [];
  return (Object.keys(SHARED_FIELDS) as SharedField[]).filter((f) => scopes.includes(SHARED_FIELDS[f]) && fieldAudience({ personId, ...p }, f) !== "board");
}

/** Groups for other services: "status:<key>", "role:<key>" (direct, by status or by a function held today), "committee:<name>". */
async function groupsOf(db: Db, personId: number, now: Date): Promise<string[]> {
  const today = await spaceToday(db, now);
  const held = and(
    eq(functionHolders.personId, personId),
    lte(functionHolders.since, today),
    or(isNull(functionHolders.until), gte(functionHolders.until, today)),
  );
  const roleKeys = (
    await db
      .select({ key: roles.key })
      .from(roles)
      .where(inArray(roles.id, heldRoleIds(db, personId, today)))
  ).map((r) => r.key);
  const committeeNames = await db
    .selectDistinct({ name: committees.name })
    .from(functionHolders)
    .innerJoin(committeeFunctions, eq(committeeFunctions.id, functionHolders.functionId))
    .innerJoin(committees, eq(committees.id, committeeFunctions.committeeId))
    .where(held);
  const [status] = await db
    .select({ key: membershipStatuses.key })
    .from(people)
    .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
    .where(eq(people.id, personId));
  return [
    ...(status ? [`status:${status.key}`] : []),
    ...[...new Set(roleKeys)].sort().map((k) => `role:${k}`),
    ...committeeNames.map((c) => `committee:${c.name}`).sort(),
  ];
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
