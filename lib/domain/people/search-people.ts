import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { membershipStatuses, people, profiles } from "@/lib/db/schema";
import type { ViewScope } from "../access/view-rights";
import { inScopeOf, peopleSearch } from "./person-match";
import type { Viewer } from "./visibility";

export interface PeopleSearch {
  query?: string;
  /** 1-based */
  page?: number;
  pageSize?: number;
  /** The groups the viewer sees with their own rights (access/view-rights); outside them only what people show everyone. */
  scope?: ViewScope;
}

export interface PersonListRow {
  personId: number;
  memberNumber: number | null;
  /** null where the viewer may not see the name */
  firstName: string | null;
  lastName: string | null;
  /** null where the viewer may not see the email */
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

/**
 * Find a person (the equipment pages): by name, email, member number, card uid or login email, paginated. Who is
 * found, what is shown of them and in which order is the people search's one rule (person-match.ts `peopleSearch`,
 * shared with the picker): names and emails as the viewer may see them, found only by what the viewer may see,
 * ordered by the name shown. The total rides along with the page (a window count): one query.
 */
export async function searchPeople(db: Db, viewer: Viewer, search: PeopleSearch = {}): Promise<PeoplePage> {
  const pageSize = Math.min(Math.max(search.pageSize ?? 25, 1), 200);
  const rule = peopleSearch(viewer, search.query ?? "", { inScope: await inScopeOf(db, search.scope) });
  const where = rule.matches;
  const pageOf = (page: number) =>
    db
      .select({
        personId: people.id,
        memberNumber: people.memberNumber,
        firstName: rule.firstName,
        lastName: rule.lastName,
        email: rule.email,
        statusKey: membershipStatuses.key,
        statusName: membershipStatuses.name,
        total: sql<number>`count(*) over ()`.mapWith(Number),
      })
      .from(people)
      .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
      .leftJoin(profiles, eq(profiles.personId, people.id))
      .leftJoin(rule.sight, sql`true`)
      .where(where)
      .orderBy(...rule.order)
      .limit(pageSize)
      .offset((page - 1) * pageSize);
  const wanted = Math.max(Math.trunc(search.page ?? 1), 1);
  let found = await pageOf(wanted);
  let page = wanted;
  let total = found[0]?.total ?? 0;
  if (!found.length && wanted > 1) {
    // Past the last page (a link kept while people left): the count, then the last page, which carries it too.
    const [{ n } = { n: 0 }] = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(people)
      .leftJoin(profiles, eq(profiles.personId, people.id))
      .leftJoin(rule.sight, sql`true`)
      .where(where);
    page = Math.max(1, Math.ceil(n / pageSize));
    found = n ? await pageOf(page) : [];
    total = n;
  }
  const rows = found.map(({ total: _total, ...row }) => row);
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / pageSize)) };
}
