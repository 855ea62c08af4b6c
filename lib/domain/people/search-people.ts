import { asc, count, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { membershipStatuses, people, profiles } from "@/lib/db/schema";
import { personMatches } from "./person-match";

export interface PeopleSearch {
  query?: string;
  /** 1-based */
  page?: number;
  pageSize?: number;
}

export interface PersonListRow {
  personId: number;
  memberNumber: number | null;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  statusKey: string;
  statusName: string;
}

export interface PeoplePage {
  rows: PersonListRow[];
  total: number;
  page: number;
  pages: number;
}

/** The admin people list: search by name, email, member number or card uid, ordered by name, paginated. */
export async function searchPeople(db: Db, search: PeopleSearch = {}): Promise<PeoplePage> {
  const pageSize = Math.min(Math.max(search.pageSize ?? 25, 1), 200);
  const where = personMatches(search.query ?? "");
  const base = db.select({ n: count() }).from(people).leftJoin(profiles, eq(profiles.personId, people.id)).where(where);
  const [{ n: total } = { n: 0 }] = await base;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(Math.trunc(search.page ?? 1), 1), pages);
  const rows = await db
    .select({
      personId: people.id,
      memberNumber: people.memberNumber,
      firstName: profiles.firstName,
      lastName: profiles.lastName,
      email: profiles.email,
      statusKey: membershipStatuses.key,
      statusName: membershipStatuses.name,
    })
    .from(people)
    .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
    .leftJoin(profiles, eq(profiles.personId, people.id))
    .where(where)
    .orderBy(sql`${profiles.lastName} asc nulls last`, asc(profiles.firstName), asc(people.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { rows, total, page, pages };
}
