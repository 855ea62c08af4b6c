import { and, gte, isNull, lte, or, type Placeholder, type SQL } from "drizzle-orm";
import { personRoles } from "@/lib/db/schema";

/**
 * A directly held role counts from its first day through its last (`until`, inclusive), days in the space's
 * zone like committee functions. Every reader of person_roles that decides rights uses this one condition.
 */
export function personRoleCurrent(today: string | Placeholder): SQL {
  return and(lte(personRoles.since, today), or(isNull(personRoles.until), gte(personRoles.until, today)))!;
}
