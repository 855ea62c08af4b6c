import { sql, type SQL } from "drizzle-orm";
import { accounts, cards, people, profiles } from "@/lib/db/schema";
import { normalizeCardUid } from "../cards/uid";

/** `%` and `_` typed by a user are literal characters, not wildcards. */
export const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * People whose full name or email contains the text (any case), whose member number it is, or who ever held the
 * card with that uid (a lost card found on the floor still tells whose it was), as a condition on `people.id`.
 * Each arm is its own indexed subquery joined by `union`: the profile's search text (one lowercase LIKE, trigram
 * index of migration 0018), the member number's and the card uid's b-tree indexes. One `or` across the joined
 * tables instead left the planner no index it could use. With `seen`, only the fields the viewer may see count.
 */
export function personMatches(query: string, seen?: SeenFields): SQL | undefined {
  // \u0001 parts name from email in the search text: a search never spans both.
  const q = query.replace(/\u0001/g, "").trim();
  if (!q) return undefined;
  const pattern = likePattern(q);
  const arms: SQL[] = [sql`select ${profiles.personId} from ${profiles} where ${profiles.searchText} like lower(${pattern})`];
  const digits = /^#?(\d{1,9})$/.exec(q); // "#1234": a member number as the lists print it
  const number = digits ? Number(digits[1]) : null;
  if (number !== null) arms.push(sql`select ${people.id} from ${people} where ${people.memberNumber} = ${number}`);
  const uid = seen && !seen.cards ? null : normalizeCardUid(q);
  if (uid) arms.push(sql`select ${cards.personId} from ${cards} where ${cards.uid} = ${uid}`);
  // Logins' emails (stored lowercase) have no trigram index: a scan of the accounts, still an arm of its own.
  const login = seen?.logins ? sql`${accounts.email} like lower(${pattern})` : null;
  if (login) arms.push(sql`select ${accounts.personId} from ${accounts} where ${login}`);
  const candidates = sql`${people.id} in (${sql.join(arms, sql` union `)})`;
  if (!seen) return candidates;
  // The arms find the candidates through their indexes; of those, a person counts only by a field the viewer may
  // see (the name and the email apart: the search text holds both). Checked on the outer row's profile, so the
  // visibility rule (which may read the person's groups) stays out of the indexed arms.
  const hits: SQL[] = [
    sql`(${seen.name} and lower(coalesce(${profiles.firstName}, '') || ' ' || coalesce(${profiles.lastName}, '')) like lower(${pattern}))`,
    sql`(${seen.email} and lower(coalesce(${profiles.email}, '')) like lower(${pattern}))`,
  ];
  if (number !== null) hits.push(sql`${people.memberNumber} = ${number}`);
  if (uid) hits.push(sql`exists (select 1 from ${cards} where ${cards.personId} = ${people.id} and ${cards.uid} = ${uid})`);
  if (login) hits.push(sql`(${seen.email} and exists (select 1 from ${accounts} where ${accounts.personId} = ${people.id} and ${login}))`);
  return sql`(${candidates} and coalesce(${sql.join(hits, sql` or `)}, false))`;
}

/**
 * What a viewer may find people by: conditions on the row's profile (visibility-sql.ts) for the name and the email;
 * card uids only for those who manage people (a uid found on the floor is not everyone's to trace).
 */
export interface SeenFields {
  name: SQL;
  email: SQL;
  cards: boolean;
  /** Also by the email a person logs in with (under the email's visibility). */
  logins?: boolean;
}

/**
 * The viewer's sight of each row's name and email, worked out once per row: a lateral subquery that `offset 0` keeps
 * from being inlined (inlined, every use — match, shown name, shown email, order — evaluates the rule again; a broad
 * search of 2,000 matches took half as long again). Join it with `.leftJoin(flags.join, sql\`true\`)` after profiles.
 */
export function seenOnce(name: SQL, email: SQL): { join: SQL; name: SQL; email: SQL } {
  return {
    join: sql`lateral (select ${name} as name_seen, ${email} as email_seen offset 0) as seen`,
    name: sql`seen.name_seen`,
    email: sql`seen.email_seen`,
  };
}
