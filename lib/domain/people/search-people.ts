import { asc, count, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { cards, membershipStatuses, people, profiles } from "@/lib/db/schema";
import { normalizeCardUid } from "../cards/uid";

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

/** `%` and `_` typed by a user are literal characters, not wildcards. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function matches(query: string): SQL | undefined {
  const q = query.trim();
  if (!q) return undefined;
  const pattern = likePattern(q);
  const conditions: (SQL | undefined)[] = [
    ilike(profiles.firstName, pattern),
    ilike(profiles.lastName, pattern),
    ilike(sql`${profiles.firstName} || ' ' || ${profiles.lastName}`, pattern),
    ilike(profiles.email, pattern),
  ];
  if (/^\d{1,9}$/.test(q)) conditions.push(eq(people.memberNumber, Number(q)));
  const uid = normalizeCardUid(q);
  // Any card the person ever held: a lost card found on the floor still tells whose it was.
  if (uid) conditions.push(sql`exists (select 1 from ${cards} where ${cards.personId} = ${people.id} and ${cards.uid} = ${uid})`);
  return or(...conditions);
}

/** The admin people list: search by name, email, member number or card uid, ordered by name, paginated. */
export async function searchPeople(db: Db, search: PeopleSearch = {}): Promise<PeoplePage> {
  const pageSize = Math.min(Math.max(search.pageSize ?? 25, 1), 200);
  const where = matches(search.query ?? "");
  const base = db
    .select({ n: count() })
    .from(people)
    .leftJoin(profiles, eq(profiles.personId, people.id))
    .where(where);
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
