import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { membershipStatuses, people, profiles } from "@/lib/db/schema";

export interface PersonOption {
  id: number;
  name: string;
}

/** People a thing can be lent to or borrowed from: not erased, status may log in. */
export async function listPeopleOptions(db: Db): Promise<PersonOption[]> {
  const rows = await db
    .select({ id: people.id, firstName: profiles.firstName, lastName: profiles.lastName })
    .from(people)
    .innerJoin(profiles, eq(profiles.personId, people.id))
    .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
    .where(and(isNull(people.erasedAt), eq(membershipStatuses.mayLogIn, true)))
    .orderBy(asc(profiles.firstName), asc(profiles.lastName));
  return rows.map((r) => ({ id: r.id, name: [r.firstName, r.lastName].filter(Boolean).join(" ") }));
}
