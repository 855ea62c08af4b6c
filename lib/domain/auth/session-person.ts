import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { accounts, membershipStatuses, people, profiles } from "@/lib/db/schema";
import { permissionsOfKeys, rightKeysOfPerson } from "../access/person-permissions";
import type { Permission } from "../access/permissions";
import { scopeOfKeys, type ViewScope } from "../access/view-rights";
import { noteSettingsVersion, settingsVersionColumn } from "../settings/settings-version";

export interface SessionPerson {
  personId: number;
  email: string;
  displayName: string;
  preferredLanguage: string | null;
  permissions: Set<Permission>;
  /** Whose groups they may see (access/view-rights), from the same right keys as the permissions: no second read. */
  viewScope: ViewScope;
}

/**
 * The person behind a session cookie, re-checked on every request: a disabled account, a status that may no
 * longer log in or a session version the account has moved past (see sessions.ts) ends the session at once,
 * even though the signed cookie itself is still valid. Without `sessionVersion` (API tokens) it is not checked.
 */
export async function getSessionPerson(db: Db, personId: number, sessionVersion?: number): Promise<SessionPerson | null> {
  const [row] = await db
    .select({
      email: accounts.email,
      disabled: accounts.disabled,
      sessionVersion: accounts.sessionVersion,
      mayLogIn: membershipStatuses.mayLogIn,
      erasedAt: people.erasedAt,
      firstName: profiles.firstName,
      lastName: profiles.lastName,
      preferredLanguage: profiles.preferredLanguage,
      // Rides along: every signed-in request sends this statement, so it checks the kept settings for free.
      settingsVersion: settingsVersionColumn,
    })
    .from(people)
    .innerJoin(accounts, eq(accounts.personId, people.id))
    .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
    .leftJoin(profiles, eq(profiles.personId, people.id))
    .where(eq(people.id, personId))
    .prepare("session_person") // every signed-in request asks (the layout's header): one round trip, not two
    .execute();
  if (row) noteSettingsVersion(db, row.settingsVersion);
  if (!row || row.disabled || !row.mayLogIn || row.erasedAt) return null;
  if (sessionVersion !== undefined && sessionVersion !== row.sessionVersion) return null;
  const displayName = [row.firstName, row.lastName].filter(Boolean).join(" ") || row.email;
  const rights = await rightKeysOfPerson(db, personId);
  return {
    personId,
    email: row.email,
    displayName,
    preferredLanguage: row.preferredLanguage,
    permissions: permissionsOfKeys(rights),
    viewScope: scopeOfKeys(personId, rights),
  };
}
