import { and, asc, count, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { membershipStatuses, people, profiles } from "@/lib/db/schema";
import type { ViewScope } from "../access/view-rights";
import { inScopeOf, namesFirst, peopleSearch, SEARCH_COUNT_CAP } from "./person-match";
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
  /** How many match, counted up to SEARCH_COUNT_CAP (then `more`). */
  total: number;
  /** More than `total` match: the pages reach the first SEARCH_COUNT_CAP. */
  more: boolean;
  page: number;
  pages: number;
}

/**
 * Find a person (the equipment pages): by name, email, member number, card uid or login email, paginated. Who is
 * found, what is shown of them and in which order is the people search's one rule (person-match.ts `peopleSearch`,
 * shared with the picker): names and emails as the viewer may see them, found only by what the viewer may see,
 * ordered by the name shown. The page is read in that order (namesFirst: a one-letter text, which every person
 * matches, reads a page of the name index instead of sorting everyone); the count stops at SEARCH_COUNT_CAP.
 */
export async function searchPeople(db: Db, viewer: Viewer, search: PeopleSearch = {}): Promise<PeoplePage> {
  const pageSize = Math.min(Math.max(search.pageSize ?? 25, 1), 200);
  const rule = peopleSearch(viewer, search.query ?? "", { inScope: await inScopeOf(db, search.scope) });
  const columns = {
    personId: people.id,
    memberNumber: people.memberNumber,
    firstName: rule.firstName,
    lastName: rule.lastName,
    email: rule.email,
    statusKey: membershipStatuses.key,
    statusName: membershipStatuses.name,
  };
  const named = () =>
    db
      .select(columns)
      .from(profiles)
      .innerJoin(people, eq(people.id, profiles.personId))
      .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
      .leftJoin(rule.sight, sql`true`)
      .where(rule.named);
  const pageOf = (page: number) =>
    namesFirst(
      {
        named: (limit, offset) =>
          named()
            .orderBy(...rule.nameOrder)
            .limit(limit)
            .offset(offset),
        nameless: (limit, offset) =>
          db
            .select(columns)
            .from(people)
            .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
            .leftJoin(profiles, eq(profiles.personId, people.id))
            .leftJoin(rule.sight, sql`true`)
            .where(and(rule.matches, rule.nameless))
            .orderBy(asc(people.id))
            .limit(limit)
            .offset(offset),
        countNamed: async () => (await db.select({ n: count() }).from(named().as("named")))[0]?.n ?? 0,
      },
      // The capped last page stops at the cap (page size 30: rows 991–1,000, not 991–1,020).
      Math.min(pageSize, SEARCH_COUNT_CAP - (page - 1) * pageSize),
      (page - 1) * pageSize,
      more ? undefined : total,
    );
  const matching = db
    .select({ personId: people.id })
    .from(people)
    .leftJoin(profiles, eq(profiles.personId, people.id))
    .leftJoin(rule.sight, sql`true`)
    .where(rule.matches)
    .limit(SEARCH_COUNT_CAP + 1)
    .as("matching");
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(matching);
  const more = n > SEARCH_COUNT_CAP;
  const total = Math.min(n, SEARCH_COUNT_CAP);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  // Past the last page (a link kept while people left): the last page.
  const page = Math.min(Math.max(Math.trunc(search.page ?? 1), 1), pages);
  const rows = total ? await pageOf(page) : [];
  return { rows, total, more, page, pages };
}
