import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { accounts, membershipStatuses, people, type OidcClient } from "@/lib/db/schema";
import { permissionsOfPerson } from "../access/person-permissions";
import type { Permission } from "../access/permissions";

/** Why a person may not log in to a client: no login here at all, the client's statuses, or its required permission. */
export type ClientRefusal = "may_not_log_in" | "status" | "permission";

/**
 * THE rule for logging in to another service through the space, asked at every step (authorize, token, refresh,
 * userinfo): the person has a login, is not erased, their status lets them log in, it is one of the client's
 * statuses (if it names any) and they hold the client's required permission. A banned or former member is
 * therefore refused everywhere at once, including by tokens handed out before.
 */
export async function clientRefusal(
  db: Db,
  client: Pick<OidcClient, "allowedStatusIds" | "requiredPermission">,
  personId: number,
  now = new Date(),
): Promise<ClientRefusal | null> {
  const [row] = await db
    .select({ statusId: people.statusId, erasedAt: people.erasedAt, mayLogIn: membershipStatuses.mayLogIn, accountId: accounts.id })
    .from(people)
    .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
    .leftJoin(accounts, eq(accounts.personId, people.id))
    .where(eq(people.id, personId));
  if (!row || row.erasedAt || !row.mayLogIn || row.accountId === null) return "may_not_log_in";
  if (client.allowedStatusIds.length && !client.allowedStatusIds.includes(row.statusId)) return "status";
  if (client.requiredPermission && !(await permissionsOfPerson(db, personId, now)).has(client.requiredPermission as Permission)) return "permission";
  return null;
}
