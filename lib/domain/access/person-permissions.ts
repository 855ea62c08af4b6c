import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { perDb } from "@/lib/db/prepared";
import { people } from "@/lib/db/schema";
import { ALL_PERMISSIONS, isPermission, type Permission } from "./permissions";
import { spaceToday } from "../settings/space-today";
import { heldRoleIds } from "./held-roles";

/*
 * A person's right keys and whether a current training on the "system" type makes them an admin, in one prepared
 * statement: every signed-in request asks (the session, lib/domain/auth/session-person.ts), and a page that checks
 * someone else's rank asks again (issue 20: two statements one after the other, each holding the embedded database's
 * one session for a round trip). A current training is one neither revoked nor expired (isAuthorizationCurrent in
 * machine-access/decide-machine-use.ts). No row for an unknown person: nothing held.
 */
const rightsStatement = perDb((db) => {
  const personId = sql.placeholder("personId");
  // Written out: drizzle leaves column names unqualified inside a select's sql fields.
  return db
    .select({
      keys: sql<
        string[]
      >`array(select distinct rp.permission_key from role_permissions rp where rp.role_id in (${heldRoleIds(db, personId, sql.placeholder("today"))}))`,
      everything: sql<boolean>`exists(select from equipment_authorizations a join equipment_types et on et.id = a.equipment_type_id
        where a.person_id = ${personId} and et.purpose = 'system' and a.revoked_at is null
          and (a.expires_at is null or a.expires_at > ${sql.placeholder("now")}::timestamptz))`,
    })
    .from(people)
    .where(eq(people.id, personId))
    .prepare("rights_of_person");
});

/**
 * Every right key a person holds today: those of the roles they hold directly (within their days), those their
 * membership status grants (dynamic rights, e.g. every member may read the directory while in good standing),
 * and those of the committee functions they hold today. Built-in permission keys and view rights
 * (access/view-rights) alike; `everything` when a current training on the "system" type makes them an admin.
 */
export async function rightKeysOfPerson(db: Db, personId: number, now = new Date()): Promise<{ keys: string[]; everything: boolean }> {
  const today = await spaceToday(db, now);
  const [row] = await rightsStatement(db).execute({ personId, today, now: now.toISOString() });
  return { keys: row?.keys ?? [], everything: row?.everything ?? false };
}

/** What a person may do: the built-in permissions among their right keys (all of them for a system-trained admin). */
export async function permissionsOfPerson(db: Db, personId: number, now = new Date()): Promise<Set<Permission>> {
  return permissionsOfKeys(await rightKeysOfPerson(db, personId, now));
}

/** The permissions among right keys already read (rightKeysOfPerson). */
export function permissionsOfKeys({ keys, everything }: { keys: string[]; everything: boolean }): Set<Permission> {
  // A current authorization on the "system" equipment type makes an administrator, like the admin role.
  if (everything) return new Set(ALL_PERMISSIONS);
  // Keys unknown to this version of the code (e.g. left by a newer one) and view rights are no permissions here.
  return new Set(keys.filter(isPermission));
}
