import { and } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { membershipStatuses, people } from "@/lib/db/schema";
import type { ViewScope } from "../access/view-rights";
import { inScopeOf, peopleSearch } from "./person-match";
import { nameParts } from "./search-paging";
import { cappedLimit, cappedPages, countedPage, nameOrder, namesFirst } from "./search-paging";
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
 * matches, reads a page of the name index instead of sorting everyone); the count stops at SEARCH_COUNT_CAP, read
 * with the page's first part in one statement (countedPage) without gathering every match first.
 */
export async function searchPeople(db: Db, viewer: Viewer, search: PeopleSearch = {}): Promise<PeoplePage> {
  const pageSize = Math.min(Math.max(search.pageSize ?? 25, 1), 200);
  const rule = peopleSearch(viewer, search.query ?? "", { inScope: await inScopeOf(db, search.scope) });
  const columns = {
    personId: people.id,
    memberNumber: people.memberNumber,
    // Named, to be read through the page's subquery (countedPage).
    firstName: rule.firstName.as("shown_first_name"),
    lastName: rule.lastName.as("shown_last_name"),
    email: rule.email.as("shown_email"),
    statusKey: membershipStatuses.key,
    statusName: membershipStatuses.name,
  };
  const parts = nameParts<PersonListRow>(db, columns, { named: rule.named, nameless: and(rule.matches, rule.nameless), sight: rule.sight });
  const offsetOf = (page: number) => (page - 1) * pageSize;
  const requested = Math.max(Math.trunc(search.page ?? 1), 1);
  // Without a text everyone matches: the count reads people (a capped count of them, as of any search).
  const matching = rule.matching ?? db.select({ personId: people.id }).from(people);
  const { n, rows: read } = await countedPage(db, matching, parts.named(cappedLimit(pageSize, offsetOf(requested)), offsetOf(requested)), nameOrder());
  // Past the last page (a link kept while people left): the last page.
  const { more, total, pages, page } = cappedPages(n, pageSize, requested);
  if (!total) return { rows: [], total, more, page, pages };
  const rows = await namesFirst(parts, cappedLimit(pageSize, offsetOf(page)), offsetOf(page), more ? undefined : total, page === requested ? read : undefined);
  return { rows, total, more, page, pages };
}
