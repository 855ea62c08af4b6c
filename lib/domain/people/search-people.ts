import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { membershipStatuses, people, profiles } from "@/lib/db/schema";
import { scopeCondition, type ViewScope } from "../access/view-rights";
import { spaceToday } from "../settings/space-today";
import { personMatches, seenOnce } from "./person-match";
import type { Viewer } from "./visibility";
import { mayViewFieldSql, PROFILE_VISIBILITY } from "./visibility-sql";

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
 * Find a person (the equipment pages): by name, email, member number or card uid, ordered by name, paginated.
 * Names and emails as the viewer may see them (visibility.ts), and found only by what the viewer may see, so the
 * search never tells who has a hidden name or address; ordered by the name shown, so a hidden name's place in the
 * list gives nothing away either. The total rides along with the page (a window count): one query.
 */
export async function searchPeople(db: Db, viewer: Viewer, search: PeopleSearch = {}): Promise<PeoplePage> {
  const pageSize = Math.min(Math.max(search.pageSize ?? 25, 1), 200);
  const inScope = search.scope && !search.scope.all ? scopeCondition(search.scope, await spaceToday(db)) : undefined;
  const seen = seenOnce(
    sql`coalesce(${mayViewFieldSql(viewer, "name", PROFILE_VISIBILITY, { inScope })}, false)`,
    sql`coalesce(${mayViewFieldSql(viewer, "email", PROFILE_VISIBILITY, { inScope })}, false)`,
  );
  const { name: nameSeen, email: emailSeen } = seen;
  const managesPeople = viewer.permissions.has("members.read") || viewer.permissions.has("members.write");
  const where = personMatches(search.query ?? "", { name: nameSeen, email: emailSeen, cards: managesPeople });
  const shownLast = sql<string | null>`case when ${nameSeen} then ${profiles.lastName} end`;
  const shownFirst = sql<string | null>`case when ${nameSeen} then ${profiles.firstName} end`;
  const pageOf = (page: number) =>
    db
      .select({
        personId: people.id,
        memberNumber: people.memberNumber,
        firstName: shownFirst,
        lastName: shownLast,
        email: sql<string | null>`case when ${emailSeen} then ${profiles.email} end`,
        statusKey: membershipStatuses.key,
        statusName: membershipStatuses.name,
        total: sql<number>`count(*) over ()`.mapWith(Number),
      })
      .from(people)
      .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
      .leftJoin(profiles, eq(profiles.personId, people.id))
      .leftJoin(seen.join, sql`true`)
      .where(where)
      .orderBy(sql`${shownLast} asc nulls last`, sql`${shownFirst} asc nulls last`, asc(people.id))
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
      .leftJoin(seen.join, sql`true`)
      .where(where);
    page = Math.max(1, Math.ceil(n / pageSize));
    found = n ? await pageOf(page) : [];
    total = n;
  }
  const rows = found.map(({ total: _total, ...row }) => row);
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / pageSize)) };
}
