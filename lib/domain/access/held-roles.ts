import { and, eq, gte, isNull, lte, or, type Placeholder } from "drizzle-orm";
import { union } from "drizzle-orm/pg-core";
import type { Db } from "@/lib/db/client";
import { functionHolders, functionRoles, people, personRoles, statusRoles } from "@/lib/db/schema";
import { personRoleCurrent } from "./role-periods";

/**
 * THE roles a person holds on a day (`today`, a plain date in the space's zone): given directly within their days,
 * granted by their membership status, or by a committee function they hold that day. One query, usable as a
 * subquery, behind both what they may do (person-permissions.ts) and the groups other services see (oidc/claims.ts).
 * Either value may be a placeholder of a prepared statement.
 */
export function heldRoleIds(db: Db, personId: number | Placeholder, today: string | Placeholder) {
  const direct = db
    .select({ roleId: personRoles.roleId })
    .from(personRoles)
    .where(and(eq(personRoles.personId, personId), personRoleCurrent(today)));
  const byStatus = db
    .select({ roleId: statusRoles.roleId })
    .from(people)
    .innerJoin(statusRoles, eq(statusRoles.statusId, people.statusId))
    .where(eq(people.id, personId));
  const byFunction = db
    .select({ roleId: functionRoles.roleId })
    .from(functionHolders)
    .innerJoin(functionRoles, eq(functionRoles.functionId, functionHolders.functionId))
    .where(
      and(eq(functionHolders.personId, personId), lte(functionHolders.since, today), or(isNull(functionHolders.until), gte(functionHolders.until, today))),
    );
  return union(direct, byStatus, byFunction);
}
