import { and, count, desc, eq, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { auditLog, people, profiles, type AuditEntry } from "@/lib/db/schema";
import { searchText } from "../shared/ids";

export const AUDIT_PAGE_SIZE = 50;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => !Number.isNaN(Date.parse(s)));

/** The audit page's query string, coerced: bad values are dropped rather than failing the page. */
export const auditFilterSchema = z.object({
  /** Who made the change: a name, an email, a member number or "#<person id>". */
  actor: z.preprocess((v) => searchText(v), z.string()).catch(""),
  /** Whose record it touched, the same forms as `actor`. */
  person: z.preprocess((v) => searchText(v), z.string()).catch(""),
  /** "person.status", or an area "person.*". */
  type: z
    .string()
    .trim()
    .max(100)
    .regex(/^[a-z_.*]*$/)
    .catch(""),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export function parseAuditFilter(params: Record<string, string | string[] | undefined>): AuditFilter {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return auditFilterSchema.parse(Object.fromEntries(Object.entries(params).map(([k, v]) => [k, first(v) || undefined])));
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The people a free-text person filter means, as a subquery of person ids. */
function personIds(text: string): SQL {
  const byId = /^#(\d{1,9})$/.exec(text);
  if (byId) return sql`select ${Number(byId[1])}::int`;
  const p = likePattern(text);
  const number = /^\d{1,9}$/.test(text) ? sql` union select ${people.id} from ${people} where ${people.memberNumber} = ${Number(text)}` : sql``;
  return sql`select ${profiles.personId} from ${profiles} where (${profiles.firstName} || ' ' || ${profiles.lastName}) ilike ${p} or ${profiles.email} ilike ${p}${number}`;
}

function whereOf(f: AuditFilter, timeZone: string): SQL | undefined {
  const c: SQL[] = [];
  if (f.actor) c.push(sql`${auditLog.actorId} in (${personIds(f.actor)})`);
  if (f.person) c.push(sql`${auditLog.subjectPersonId} in (${personIds(f.person)})`);
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
  actorName: string | null;
  subjectName: string | null;
}

const actorProfile = alias(profiles, "actor_profile");
const subjectProfile = alias(profiles, "subject_profile");
const nameOf = (p: { firstName: AnyColumn; lastName: AnyColumn }) => sql<string | null>`nullif(trim(${p.firstName} || ' ' || ${p.lastName}), '')`;

/** One page of the audit log, newest first, with the names of actor and subject (null once erased). */
export async function listAuditEntries(db: Db, f: AuditFilter, timeZone: string): Promise<{ rows: AuditRow[]; total: number; page: number; pages: number }> {
  const where = whereOf(f, timeZone);
  const [{ total }] = (await db.select({ total: count() }).from(auditLog).where(where)) as [{ total: number }];
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(f.page, pages);
  const rows = await db
    .select({ e: auditLog, actorName: nameOf(actorProfile), subjectName: nameOf(subjectProfile) })
    .from(auditLog)
    .leftJoin(actorProfile, eq(actorProfile.personId, auditLog.actorId))
    .leftJoin(subjectProfile, eq(subjectProfile.personId, auditLog.subjectPersonId))
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((page - 1) * AUDIT_PAGE_SIZE);
  return { rows: rows.map((r) => ({ ...r.e, actorName: r.actorName, subjectName: r.subjectName })), total, page, pages };
}

/** The change types recorded so far, for the filter's suggestions and the subscription form. */
export async function knownChangeTypes(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ t: auditLog.changeType }).from(auditLog).orderBy(auditLog.changeType);
  return rows.map((r) => r.t);
}
