import { and, count, desc, eq, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { auditLog, people, profiles, type AuditEntry } from "@/lib/db/schema";
import { viewScopeOf } from "../access/view-rights";
import { inScopeOf, peopleSearch } from "../people/person-match";
import { nameSight, type NameViewer } from "../people/shown-names";
import { searchText } from "../shared/ids";

export const AUDIT_PAGE_SIZE = 50;

/** The longest person text and change type a filter takes, and the last page it may ask for. */
export const AUDIT_SEARCH_MAX = 200;
const TYPE_MAX = 100;
const PAGE_MAX = 100_000;

/** What is wrong with one filter field: the page says it beside the field (catalog `audit.filter.error.<problem>`). */
export type AuditFilterProblem = "tooLong" | "type" | "day" | "order" | "page";
export type AuditFilterField = "actor" | "person" | "type" | "from" | "to" | "page";

export interface AuditFilter {
  /** Who made the change: a name, an email, a member number or "#<person id>". */
  actor: string;
  /** Whose record it touched, the same forms as `actor`. */
  person: string;
  /** "person.status", or an area "person.*"; "" or "*" for every type. */
  type: string;
  from?: string;
  to?: string;
  page: number;
}

export interface ParsedAuditFilter {
  filter: AuditFilter;
  /** Each field's text as it came, to give back in the form when it was refused. */
  typed: Record<Exclude<AuditFilterField, "page">, string>;
  /** The refused fields; none: the filter may be run. */
  problems: Partial<Record<AuditFilterField, AuditFilterProblem>>;
}

const isDay = (s: string) => /^[1-9]\d{3}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s);

/**
 * The audit page's query string, checked: a value that cannot be a filter is named in `problems` (and the page lists
 * nothing rather than entries the filter did not narrow), never dropped silently.
 */
export function parseAuditFilter(params: Record<string, string | string[] | undefined>): ParsedAuditFilter {
  const raw = (key: string) => {
    const v = params[key];
    return (Array.isArray(v) ? v[0] : v) ?? "";
  };
  const problems: ParsedAuditFilter["problems"] = {};
  const search = (key: "actor" | "person") => {
    const text = searchText(raw(key), Number.MAX_SAFE_INTEGER);
    if (text.length > AUDIT_SEARCH_MAX) problems[key] = "tooLong";
    return text.slice(0, AUDIT_SEARCH_MAX);
  };
  const actor = search("actor");
  const person = search("person");
  const type = raw("type").trim();
  if (type.length > TYPE_MAX || !/^(\*|[a-z_]+(\.[a-z_]+)*(\.\*)?)?$/.test(type)) problems.type = "type";
  const day = (key: "from" | "to") => {
    const text = raw(key).trim();
    if (text && !isDay(text)) problems[key] = "day";
    return text && isDay(text) ? text : undefined;
  };
  const from = day("from");
  const to = day("to");
  if (from && to && to < from) problems.to = "order";
  const pageText = raw("page").trim();
  const page = pageText === "" ? 1 : /^\d{1,6}$/.test(pageText) ? Number(pageText) : NaN;
  if (!(page >= 1 && page <= PAGE_MAX)) problems.page = "page";
  return {
    filter: { actor, person, type: problems.type ? "" : type, from, to, page: problems.page ? 1 : page },
    typed: { actor: raw("actor"), person: raw("person"), type: raw("type"), from: raw("from"), to: raw("to") },
    problems,
  };
}

/**
 * The people a free-text person filter means for this viewer, as a subquery of person ids: "#<id>" that person, else
 * whom the people search finds by what the viewer may see of them (peopleSearch: the picker's rule); either only
 * within the viewer's view rights, so a person outside them is as unknown as one who does not exist.
 */
function personIds(text: string, viewer: NameViewer, inScope: SQL | undefined): SQL {
  const within = inScope ?? sql`true`;
  const byId = /^#(\d{1,9})$/.exec(text);
  if (byId) return sql`select ${people.id} from ${people} where ${people.id} = ${Number(byId[1])} and ${within}`;
  const found = peopleSearch(viewer, text, { inScope }).matching;
  // A text of nothing the search reads (control characters only) finds nobody, not everybody.
  if (!found) return sql`select ${people.id} from ${people} where false`;
  return sql`select ${people.id} from ${people} where ${people.id} in ${found} and ${within}`;
}

function whereOf(f: AuditFilter, timeZone: string, viewer: NameViewer, inScope: SQL | undefined): SQL | undefined {
  const c: SQL[] = [];
  if (f.actor) c.push(sql`${auditLog.actorId} in (${personIds(f.actor, viewer, inScope)})`);
  if (f.person) c.push(sql`${auditLog.subjectPersonId} in (${personIds(f.person, viewer, inScope)})`);
  if (f.type === "*" || f.type === "") {
    // everything
  } else if (f.type.endsWith(".*")) c.push(sql`${auditLog.changeType} like ${`${f.type.slice(0, -2).replace(/_/g, "\\_")}.%`}`);
  else c.push(eq(auditLog.changeType, f.type));
  // Days are the space's calendar days: midnight there, not in UTC.
  if (f.from) c.push(sql`${auditLog.at} >= (${f.from}::date)::timestamp at time zone ${timeZone}`);
  if (f.to) c.push(sql`${auditLog.at} < (${f.to}::date + 1)::timestamp at time zone ${timeZone}`);
  return c.length ? and(...c) : undefined;
}

export interface AuditRow extends AuditEntry {
  /** The actor's name as the viewer may see it; null when hidden from them (actorHidden) or gone (erased). */
  actorName: string | null;
  actorHidden: boolean;
  /** May the viewer open the actor's page (/admin/people/<id>: members.read, the person within their view rights)? */
  actorLinked: boolean;
  subjectName: string | null;
  subjectHidden: boolean;
  subjectLinked: boolean;
}

/**
 * A person's name in an audit row as the viewer may see it (namesShownTo's rule, nameSight), read beside the row:
 * `<as>.name` (null where hidden or erased), `<as>.hidden`, and `<as>.linked`: whether the viewer may open the
 * person's page (`opens`). A lateral subquery of its own, so the rules read `profiles` and `people` (the view rights'
 * groups) of this person, not of the other one in the row.
 */
function shownName(personId: AnyColumn, sight: SQL, opens: SQL, as: "actor_name" | "subject_name"): SQL {
  const present = sql`${people.erasedAt} is null and ${profiles.personId} is not null`;
  return sql`lateral (select case when ${present} and ${sight} then nullif(trim(${profiles.firstName} || ' ' || ${profiles.lastName}), '') end as name,
      ${present} and not coalesce(${sight}, false) as hidden,
      coalesce(${opens}, false) as linked
    from ${people} left join ${profiles} on ${profiles.personId} = ${people.id}
    where ${people.id} = ${personId}) as ${sql.raw(as)}`;
}

/** The groups the viewer's view rights reach (as the session carries them), as a condition; undefined: every group. */
async function scopeOfViewer(db: Db, viewer: NameViewer): Promise<SQL | undefined> {
  if (viewer.personId === null) return sql`false`;
  return inScopeOf(db, viewer.viewScope ?? (await viewScopeOf(db, viewer.personId)));
}

/**
 * One page of the audit log for this viewer, newest first, with the names of actor and subject as the viewer may
 * see them (read in the page's one statement), and the person filters reaching only people within the viewer's
 * view rights.
 */
export async function listAuditEntries(
  db: Db,
  viewer: NameViewer,
  f: AuditFilter,
  timeZone: string,
): Promise<{ rows: AuditRow[]; total: number; page: number; pages: number }> {
  const inScope = await scopeOfViewer(db, viewer);
  const where = whereOf(f, timeZone, viewer, inScope);
  const [{ total }] = (await db.select({ total: count() }).from(auditLog).where(where)) as [{ total: number }];
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(f.page, pages);
  const sight = nameSight(viewer, inScope);
  // The person page's own rule (requirePermission("members.read"), then personPage within the view rights).
  const opens = viewer.permissions.has("members.read") ? (inScope ?? sql`true`) : sql`false`;
  const rows = await db
    .select({
      e: auditLog,
      actorName: sql<string | null>`actor_name.name`,
      actorHidden: sql<boolean | null>`actor_name.hidden`,
      subjectName: sql<string | null>`subject_name.name`,
      subjectHidden: sql<boolean | null>`subject_name.hidden`,
      actorLinked: sql<boolean | null>`actor_name.linked`,
      subjectLinked: sql<boolean | null>`subject_name.linked`,
    })
    .from(auditLog)
    .leftJoin(shownName(auditLog.actorId, sight, opens, "actor_name"), sql`true`)
    .leftJoin(shownName(auditLog.subjectPersonId, sight, opens, "subject_name"), sql`true`)
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((page - 1) * AUDIT_PAGE_SIZE);
  return {
    rows: rows.map((r) => ({
      ...r.e,
      actorName: r.actorName,
      actorHidden: r.actorHidden === true,
      subjectName: r.subjectName,
      subjectHidden: r.subjectHidden === true,
      actorLinked: r.actorLinked === true,
      subjectLinked: r.subjectLinked === true,
    })),
    total,
    page,
    pages,
  };
}

/** The change types recorded so far, for the filter's suggestions and the subscription form. */
export async function knownChangeTypes(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ t: auditLog.changeType }).from(auditLog).orderBy(auditLog.changeType);
  return rows.map((r) => r.t);
}
