import { asc, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { accounts, cards, people, profiles } from "@/lib/db/schema";
import { scopeCondition, type ViewScope } from "../access/view-rights";
import { normalizeCardUid } from "../cards/uid";
import { spaceToday } from "../settings/space-today";
import type { Viewer } from "./visibility";
import { mayViewFieldSql, type VisibilityColumns } from "./visibility-sql";

/** `%` and `_` typed by a user are literal characters, not wildcards. */
export const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * People whose full name or email contains the text (any case), whose member number it is, or who ever held the
 * card with that uid (a lost card found on the floor still tells whose it was), as a condition on `people.id`.
 * Each arm is its own indexed subquery joined by `union`: the profile's search text (one lowercase LIKE, trigram
 * index of migration 0018), the member number's and the card uid's b-tree indexes, the login email's trigrams
 * (migration 0028). One `or` across the joined tables instead left the planner no index it could use. With `seen`,
 * only the fields the viewer may see count.
 */
export function personMatches(query: string, seen?: SeenFields): SQL | undefined {
  const m = matchOf(query, seen);
  if (!m) return undefined;
  const arms: SQL[] = [sql`select ${profiles.personId} from ${profiles} where ${profiles.searchText} like lower(${m.pattern})`];
  if (m.number !== null) arms.push(sql`select ${people.id} from ${people} where ${people.memberNumber} = ${m.number}`);
  if (m.uid) arms.push(sql`select ${cards.personId} from ${cards} where ${cards.uid} = ${m.uid}`);
  if (m.login) arms.push(sql`select ${accounts.personId} from ${accounts} where ${m.login}`);
  const candidates = sql`${people.id} in (${sql.join(arms, sql` union `)})`;
  return seen ? sql`(${candidates} and ${hitsOf(m, seen)})` : candidates;
}

/**
 * The same people as personMatches, of those with a profile, as a condition for a query driven from `profiles`
 * (joined to `people`, and to the viewer's sight where `seen` names it): read in name order along
 * profiles_name_idx, a broad text's first page stops after a page of matches instead of sorting every match.
 * Its first part asks about the profile's row alone — the search text (trigram index) or a person id the
 * member number, card or login arm found first (primary key) — so the planner may serve a narrow text from those
 * indexes, or check it row by row on the walk; the rest is personMatches' rule of what the viewer may find by.
 */
export function profileMatches(query: string, seen?: SeenFields): SQL | undefined {
  const m = matchOf(query, seen);
  if (!m) return undefined;
  const ids = foundIds(m);
  const byId = ids ? sql` or ${profiles.personId} = any(${ids})` : sql``;
  const candidates = sql`(${profiles.searchText} like lower(${m.pattern})${byId})`;
  return seen ? sql`(${candidates} and ${hitsOf(m, seen)})` : candidates;
}

/**
 * The same people as personMatches, of those without a profile: only the member number, card and login arms can
 * find them (the text arm reads profiles), as a condition on `people.id` that reads no profile. `false` when the text can be
 * neither: the search then finds nobody without a profile, and reads nothing to know it.
 */
export function idMatches(query: string): SQL {
  const m = matchOf(query);
  const ids = m && foundIds(m);
  return ids ? sql`${people.id} = any(${ids})` : sql`false`;
}

/**
 * One array of the ids the member number, card and login arms found, worked out once before the scan: as one arm the
 * planner expects a few rows of it (an array each made it expect tens, and join every person by hash instead of by
 * key). Undefined when the text can be none of them.
 */
function foundIds(m: Match): SQL | undefined {
  const found: SQL[] = [];
  if (m.number !== null) found.push(sql`select ${people.id} from ${people} where ${people.memberNumber} = ${m.number}`);
  if (m.uid) found.push(sql`select ${cards.personId} from ${cards} where ${cards.uid} = ${m.uid}`);
  if (m.login) found.push(sql`select ${accounts.personId} from ${accounts} where ${m.login}`);
  return found.length ? sql`array(${sql.join(found, sql` union `)})` : undefined;
}

/** A search text taken apart: the LIKE pattern, a member number, a card uid, the login arm (null: not searched). */
interface Match {
  pattern: string;
  number: number | null;
  uid: string | null;
  login: SQL | null;
}

function matchOf(query: string, seen?: SeenFields): Match | null {
  // \u0001 parts name from email in the search text: a search never spans both.
  const q = query.replace(/\u0001/g, "").trim();
  if (!q) return null;
  const pattern = likePattern(q);
  const digits = /^#?(\d{1,9})$/.exec(q); // "#1234": a member number as the lists print it
  return {
    pattern,
    number: digits ? Number(digits[1]) : null,
    uid: seen && !seen.cards ? null : normalizeCardUid(q),
    // Logins' emails (stored lowercase): their own trigram index (accounts_email_trgm_idx).
    login: seen?.logins ? sql`${accounts.email} like lower(${pattern})` : null,
  };
}

function hitsOf(m: Match, seen: SeenFields): SQL {
  // The arms find the candidates through their indexes; of those, a person counts only by a field the viewer may
  // see (the name and the email apart: the search text holds both). Checked on the outer row's profile, so the
  // visibility rule (which may read the person's groups) stays out of the indexed arms. Read from the stored search
  // text, already lowercase: one LIKE where both are seen (the board), else its part before the first \u0001 (the
  // name, or less of it should a name hold one) or after the last (the email, which cannot). Lowering the columns
  // again for every match cost a search matching all 10,000 people a fifth of its time (bench, PGlite).
  const text = profiles.searchText;
  const { pattern } = m;
  const hits: SQL[] = [
    sql`(${seen.name} and ${seen.email} and ${text} like lower(${pattern}))`,
    sql`(${seen.name} and split_part(${text}, chr(1), 1) like lower(${pattern}))`,
    // reverse twice, not split_part(…, -1): a negative position needs PostgreSQL 14, the README promises 13.
    sql`(${seen.email} and reverse(split_part(reverse(${text}), chr(1), 1)) like lower(${pattern}))`,
  ];
  if (m.number !== null) hits.push(sql`${people.memberNumber} = ${m.number}`);
  if (m.uid) hits.push(sql`exists (select 1 from ${cards} where ${cards.personId} = ${people.id} and ${cards.uid} = ${m.uid})`);
  if (m.login) hits.push(sql`(${seen.email} and exists (select 1 from ${accounts} where ${accounts.personId} = ${people.id} and ${m.login}))`);
  return sql`coalesce(${sql.join(hits, sql` or `)}, false)`;
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

/** Those who manage people (members.read or members.write) may also find people by card uid. */
export const managesPeople = (viewer: Viewer) => viewer.permissions.has("members.read") || viewer.permissions.has("members.write");

/**
 * Only those who may read people (members.read) or run the system (system.admin) may find them by the email they
 * log in with: it tells whose login an address is. members.write alone does not read people (person pages need
 * members.read; the login email is shown to system.admin only).
 */
export const mayFindByLogin = (viewer: Viewer) => viewer.permissions.has("members.read") || viewer.permissions.has("system.admin");

/**
 * The rule's columns for a search row (`people` left-joined to its profile). A person without a profile (erased, or
 * never given one) has chosen nothing, so the defaults hold for them as for a profile without a setting (name for
 * members, email for the board); there is no name or profile email to show, so what this decides is only whether
 * their login email finds them. `people.id` stands for oneself, profile or not.
 */
const SEARCH_ROW: VisibilityColumns = {
  personId: people.id,
  partnerPersonId: profiles.partnerPersonId,
  visibility: sql`coalesce(${profiles.visibility}, '{}'::jsonb)`,
  boardOnly: sql`coalesce(${profiles.boardOnly}, false)`,
};

/** The groups the viewer sees with their own rights (access/view-rights), as a condition; undefined: every group. */
export async function inScopeOf(db: Db, scope: ViewScope | undefined): Promise<SQL | undefined> {
  return scope && !scope.all ? scopeCondition(scope, await spaceToday(db)) : undefined;
}

/** A people search's parts for one viewer (peopleSearch). */
export interface PeopleSearchParts {
  /** The viewer's sight of the row, worked out once (seenOnce): `.leftJoin(parts.sight, sql\`true\`)` after profiles. */
  sight: SQL;
  /** The people the text finds for this viewer; undefined for an empty text. */
  matches: SQL | undefined;
  /** What the viewer may see of each row: null where hidden. The login email is never shown. */
  firstName: SQL<string | null>;
  lastName: SQL<string | null>;
  email: SQL<string | null>;
  /** By the name shown (a hidden name's place tells nothing), then by id. */
  order: SQL[];
  /**
   * The same search in two parts, for a page in `order` without sorting every match (namesFirst): `named`, a
   * condition for a query driven from `profiles` (joined to `people`, then `sight`), finds those whose name the
   * viewer sees, read `nameOrder` along profiles_name_idx; `nameless` (with `matches`, on `people` left-joined to
   * profiles and sight) the rest, who come after them, by id.
   */
  named: SQL;
  /** The viewer sees the row's name (the sight's). */
  nameShown: SQL;
  nameless: SQL;
  nameOrder: SQL[];
  /**
   * The same people as `matches`, as a select of ids for a capped count: those with a profile read from `profiles`
   * (profileMatches), then those without one by the ids the other arms found, so the first rows come without
   * gathering every match first (`people.id in (…)` does, for one letter all 10,000). Undefined for an empty text.
   */
  matching: SQL | undefined;
  /**
   * `matching` of those who also meet `condition` (on `people`; a role's holders), checked on each arm's rows, so a
   * capped count of them stops as soon as it has enough. Undefined for an empty text.
   */
  matchingWithin(condition: SQL): SQL | undefined;
}

/**
 * THE people search for a viewer, shared by every search that shows names by visibility (the equipment pages'
 * search, the people picker): a person is found by a field only where the viewer may see that field of theirs
 * (visibility.ts, within the view rights' groups `inScope`), by member number by anyone (it is not private), by
 * card uid only by those who manage people, by login email only by those who read members or run the system
 * (mayFindByLogin; also only where the viewer may see the
 * person's email: it may differ from the one shown, and is never shown). The query reads `people` left-joined to
 * `profiles` on the person, then `sight`.
 */
export function peopleSearch(viewer: Viewer, query: string, options: { inScope?: SQL } = {}): PeopleSearchParts {
  const sees = (field: "name" | "email") => sql<boolean>`coalesce(${mayViewFieldSql(viewer, field, SEARCH_ROW, options)}, false)`;
  const seen = seenOnce(sees("name"), sees("email"));
  const manages = managesPeople(viewer);
  const logins = mayFindByLogin(viewer);
  const lastName = sql<string | null>`case when ${seen.name} then ${profiles.lastName} end`;
  const firstName = sql<string | null>`case when ${seen.name} then ${profiles.firstName} end`;
  const fields: SeenFields = { name: seen.name, email: seen.email, cards: manages, logins };
  const inProfile = profileMatches(query, fields);
  const m = matchOf(query, fields);
  const ids = m && foundIds(m);
  const matchingWithin = (condition?: SQL) => {
    if (m === null) return undefined;
    const also = condition ? sql` and ${condition}` : sql``;
    const withoutProfile = ids
      ? sql` union all select ${people.id} from ${people} left join ${profiles} on ${profiles.personId} = ${people.id} left join ${seen.join} on true
        where ${profiles.personId} is null and ${people.id} = any(${ids}) and ${hitsOf(m, fields)}${also}`
      : sql``;
    return sql`(select ${people.id} from ${profiles} join ${people} on ${people.id} = ${profiles.personId} left join ${seen.join} on true where ${inProfile}${also}${withoutProfile})`;
  };
  return {
    matching: matchingWithin(),
    matchingWithin,
    sight: seen.join,
    matches: personMatches(query, fields),
    named: inProfile ? sql`(${seen.name} and ${inProfile})` : seen.name,
    nameShown: seen.name,
    nameless: sql`(${profiles.personId} is null or not ${seen.name})`,
    nameOrder: [asc(profiles.lastName), asc(profiles.firstName), asc(profiles.personId)],
    firstName,
    lastName,
    email: sql<string | null>`case when ${seen.email} then ${profiles.email} end`,
    order: [sql`${lastName} asc nulls last`, sql`${firstName} asc nulls last`, asc(people.id)],
  };
}
