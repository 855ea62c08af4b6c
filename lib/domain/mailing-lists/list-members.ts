import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { viewScopeOf, visibleInScope } from "../access/view-rights";
import type { Translate } from "@/lib/i18n/translate";
import { columnHeaders } from "../shared/column-headers";
import { toCsv } from "../shared/csv";
import { spaceToday } from "../settings/space-today";

export interface ListMember {
  personId: number;
  email: string;
  firstName: string;
  lastName: string;
  memberNumber: number | null;
}

/**
 * Who is on a list today: everyone in one of its statuses; those in one of its committees (a current function) or
 * holding one of its roles (directly while held, through their status or through a function); and, on an opt-in list, those
 * who opted in. Only a status rule reaches people whose status may not log in (a list for former members is
 * legitimate); committee, role and opt-in membership end with the right to log in (a banned member leaves the
 * board list at once). Erased people and people without an email are never on a list.
 */
export async function listMembers(db: Db, listId: number, now = new Date()): Promise<ListMember[]> {
  const today = await spaceToday(db, now);
  const current = sql`fh.since <= ${today}::date and (fh.until is null or fh.until >= ${today}::date)`;
  const rows = await db.execute<{ person_id: number; email: string; first_name: string; last_name: string; member_number: number | null }>(sql`
    with rules as (select * from mailing_list_rules where list_id = ${listId}),
    candidates(person_id, by_status) as (
      select p.id, true from people p join rules r on r.status_id = p.status_id
      union all
      select fh.person_id, false from function_holders fh
        join committee_functions cf on cf.id = fh.function_id
        join rules r on r.committee_id = cf.committee_id
        where ${current}
      union all
      select pr.person_id, false from person_roles pr join rules r on r.role_id = pr.role_id
        where pr.since <= ${today}::date and (pr.until is null or pr.until >= ${today}::date)
      union all
      select p.id, false from people p join status_roles sr on sr.status_id = p.status_id join rules r on r.role_id = sr.role_id
      union all
      select fh.person_id, false from function_holders fh
        join function_roles fr on fr.function_id = fh.function_id
        join rules r on r.role_id = fr.role_id
        where ${current}
      union all
      select o.person_id, false from mailing_list_opt_ins o join mailing_lists l on l.id = o.list_id and l.opt_in
        where o.list_id = ${listId}
    )
    select distinct on (lower(trim(pf.email))) p.id as person_id, lower(trim(pf.email)) as email, pf.first_name, pf.last_name, p.member_number
    from candidates c
    join people p on p.id = c.person_id and p.erased_at is null
    join membership_statuses s on s.id = p.status_id
    join profiles pf on pf.person_id = p.id and coalesce(trim(pf.email), '') <> ''
    where c.by_status or s.may_log_in
    order by lower(trim(pf.email)), p.id`);
  return [...rows].map((r) => ({
    personId: Number(r.person_id),
    email: r.email,
    firstName: r.first_name,
    lastName: r.last_name,
    memberNumber: r.member_number === null ? null : Number(r.member_number),
  }));
}

/** For any list server: one address per line. */
export function membersAsText(members: ListMember[]): string {
  return members.map((m) => `${m.email}\n`).join("");
}

/** For list servers that import names too; the project's CSV quoting (formula-safe). */
export function membersAsCsv(t: Translate, members: ListMember[]): string {
  const lines = [
    columnHeaders(t, ["email", "name", "memberNumber"]),
    ...members.map((m) => [m.email, [m.firstName, m.lastName].filter(Boolean).join(" "), m.memberNumber ?? ""]),
  ];
  return toCsv(lines);
}

/**
 * The members of a list a viewer may see: the list itself goes to everyone on it (the sync), but its page and its
 * exports show a viewer only the people of the groups they hold view rights for (access/view-rights).
 */
export async function listMembersVisibleTo(db: Db, viewerId: number, listId: number, now = new Date()): Promise<ListMember[]> {
  const members = await listMembers(db, listId, now);
  const visible = await visibleInScope(
    db,
    await viewScopeOf(db, viewerId, now),
    members.map((m) => m.personId),
    now,
  );
  return members.filter((m) => visible.has(m.personId));
}
