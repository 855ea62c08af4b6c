import { sql, type SQL } from "drizzle-orm";
import { cards, people, profiles } from "@/lib/db/schema";
import { normalizeCardUid } from "../cards/uid";

/** `%` and `_` typed by a user are literal characters, not wildcards. */
export const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * People whose full name or email contains the text (any case), whose member number it is, or who ever held the
 * card with that uid (a lost card found on the floor still tells whose it was), as a condition on `people.id`.
 * Each arm is its own indexed subquery joined by `union`: the profile's search text (one lowercase LIKE, trigram
 * index of migration 0018), the member number's and the card uid's b-tree indexes. One `or` across the joined
 * tables instead left the planner no index it could use.
 */
export function personMatches(query: string): SQL | undefined {
  // \u0001 parts name from email in the search text: a search never spans both.
  const q = query.replace(/\u0001/g, "").trim();
  if (!q) return undefined;
  const arms: SQL[] = [sql`select ${profiles.personId} from ${profiles} where ${profiles.searchText} like lower(${likePattern(q)})`];
  if (/^\d{1,9}$/.test(q)) arms.push(sql`select ${people.id} from ${people} where ${people.memberNumber} = ${Number(q)}`);
  const uid = normalizeCardUid(q);
  if (uid) arms.push(sql`select ${cards.personId} from ${cards} where ${cards.uid} = ${uid}`);
  return sql`${people.id} in (${sql.join(arms, sql` union `)})`;
}
