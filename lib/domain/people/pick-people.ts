import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { membershipStatuses, people } from "@/lib/db/schema";
import type { Permission } from "../access/permissions";
import type { ViewScope } from "../access/view-rights";
import { fail, type Failure, type Result } from "../shared/result";
import { inScopeOf, peopleSearch } from "./person-match";
import { nameParts } from "./search-paging";
import type { Viewer } from "./visibility";

/**
 * Why a person is being chosen, and what the chooser must hold for it: the search answers only someone who may
 * do the thing the picker is for. `loginOnly`: only people whose status may log in (a loan needs a borrower who
 * can be reached and can come by).
 */
export const PICK_PURPOSES = {
  borrower: { permission: "inventory.write", loginOnly: true },
  lender: { permission: "inventory.write", loginOnly: true },
  card: { permission: "members.write", loginOnly: false },
  committee: { permission: "members.write", loginOnly: false },
  partner: { permission: "members.write", loginOnly: false },
} as const satisfies Record<string, { permission: Permission; loginOnly: boolean }>;
export type PickPurpose = keyof typeof PICK_PURPOSES;

export function isPickPurpose(value: unknown): value is PickPurpose {
  return typeof value === "string" && Object.hasOwn(PICK_PURPOSES, value);
}

/** What the picker posts for a chosen person: never typed by people (they type member numbers). */
export const PICKED_PREFIX = "person:";

/** One person as the picker shows them to this viewer: enough to tell two Maria Hubers apart, nothing more. */
export interface PickedPerson {
  personId: number;
  /** null when the viewer may not see the name */
  name: string | null;
  memberNumber: number | null;
  statusKey: string;
  statusName: string;
  /** The email masked ("ma…@example.org"), only where the viewer may see the email at all. */
  email: string | null;
}

export type PickRefusal = Failure<"forbidden" | "invalid">;

const LIMIT = 10;

/** A row of the picker's statement, by its columns' names. */
interface PickRow {
  person_id: number;
  member_number: number | null;
  status_key: string;
  status_name: string;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
}

/** "maria.huber@example.org" → "ma…@example.org": tells two addresses apart without spelling one out. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return "…";
  return `${email.slice(0, Math.min(2, at))}…${email.slice(at)}`;
}

/**
 * People matching what the viewer typed — name, member number, email, card uid or login email — for a picker used
 * for `purpose`. Only someone holding that purpose's permission gets an answer. Who is found, what is shown and in
 * which order is the people search's one rule (person-match.ts `peopleSearch`, shared with the equipment pages'
 * search), within the groups the viewer's view rights reach (`viewScope`, as the session carries it); the purpose
 * only narrows it: erased people are never offered, and a loan needs someone whose status may log in.
 */
export async function pickPeople(
  db: Db,
  viewer: Viewer & { personId: number; viewScope?: ViewScope },
  purpose: PickPurpose,
  query: string,
): Promise<Result<{ people: PickedPerson[] }, PickRefusal>> {
  const rule = PICK_PURPOSES[purpose];
  if (!viewer.permissions.has(rule.permission)) return fail("forbidden", "You are not allowed to pick people for this.");
  const q = query.replace(/\0/g, "").trim().slice(0, 100);
  if (!q) return { ok: true, people: [] };

  const picked = q.startsWith(PICKED_PREFIX) ? /^person:(\d{1,9})$/.exec(q) : null;
  if (q.startsWith(PICKED_PREFIX) && !picked) return fail("invalid", `q: "${PICKED_PREFIX}" must be followed by a person's id.`, { field: "q" });
  const search = peopleSearch(viewer, q, { inScope: await inScopeOf(db, viewer.viewScope) });
  const conditions: SQL[] = [isNull(people.erasedAt)];
  if (rule.loginOnly) conditions.push(eq(membershipStatuses.mayLogIn, true));
  // Found only by what the viewer may see, in the database: a page of hidden candidates cannot crowd out the ones
  // the viewer may find. Those whose name is shown first, read in name order (namesFirst: one letter matches
  // everyone), then the nameless.
  const one = picked ? eq(people.id, Number(picked[1])) : undefined;
  // Named, to be read by name from the statement's rows.
  const columns = {
    personId: sql<number>`${people.id}`.as("person_id"),
    memberNumber: sql<number | null>`${people.memberNumber}`.as("member_number"),
    statusKey: sql<string>`${membershipStatuses.key}`.as("status_key"),
    statusName: sql<string>`${membershipStatuses.name}`.as("status_name"),
    firstName: search.firstName.as("first_name"),
    lastName: search.lastName.as("last_name"),
    email: search.email.as("email"),
  };
  const parts = nameParts<PickRow>(db, columns, {
    named: and(...conditions, one ? and(one, search.nameShown) : search.named),
    nameless: and(...conditions, one ?? search.matches!, search.nameless),
    sight: search.sight,
  });
  // One statement: the named page, then the nameless for the rest of it. The rest's limit is worked out from the
  // named rows before the nameless part runs, and a limit of 0 reads nothing (one letter fills the named page).
  // The order is the statement's own: the named rows first by name (shown, as they are), then the nameless (no name
  // shown) by id — not the order UNION ALL happens to hand its parts on in, nor the one the CTE is read in.
  const rows = (await db.execute(
    sql`with named as materialized (${parts.named(LIMIT, 0)})
      select * from (select *, 0 as part from named
        union all select *, 1 as part from (${parts.nameless(sql`${LIMIT} - (select count(*) from named)`, 0)}) as nameless) as picked
      order by part, last_name, first_name, person_id`,
  )) as unknown as Record<keyof PickRow, unknown>[];
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

  const found: PickedPerson[] = rows.slice(0, LIMIT).map((r) => ({
    personId: Number(r.person_id),
    name: `${text(r.first_name) ?? ""} ${text(r.last_name) ?? ""}`.trim() || null,
    memberNumber: r.member_number === null ? null : Number(r.member_number),
    statusKey: String(r.status_key),
    statusName: String(r.status_name),
    email: text(r.email) ? maskEmail(text(r.email)!) : null,
  }));
  return { ok: true, people: found };
}
