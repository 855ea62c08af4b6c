import { and, asc, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { membershipStatuses, people, profiles } from "@/lib/db/schema";
import type { Permission } from "../access/permissions";
import type { ViewScope } from "../access/view-rights";
import { fail, type Failure, type Result } from "../shared/result";
import { inScopeOf, namesFirst, peopleSearch } from "./person-match";
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
  const columns = {
    personId: people.id,
    memberNumber: people.memberNumber,
    statusKey: membershipStatuses.key,
    statusName: membershipStatuses.name,
    firstName: search.firstName,
    lastName: search.lastName,
    email: search.email,
  };
  const rows = await namesFirst(
    {
      named: (limit, offset) =>
        db
          .select(columns)
          .from(profiles)
          .innerJoin(people, eq(people.id, profiles.personId))
          .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
          .leftJoin(search.sight, sql`true`)
          .where(and(...conditions, one ? and(one, search.nameShown) : search.named))
          .orderBy(...search.nameOrder)
          .limit(limit)
          .offset(offset),
      nameless: (limit, offset) =>
        db
          .select(columns)
          .from(people)
          .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
          .leftJoin(profiles, eq(profiles.personId, people.id))
          .leftJoin(search.sight, sql`true`)
          .where(and(...conditions, one ?? search.matches!, search.nameless))
          .orderBy(asc(people.id))
          .limit(limit)
          .offset(offset),
      countNamed: async () => 0, // the first page only
    },
    LIMIT,
    0,
  );

  const found: PickedPerson[] = rows.map((r) => ({
    personId: r.personId,
    name: `${r.firstName ?? ""} ${r.lastName ?? ""}`.trim() || null,
    memberNumber: r.memberNumber,
    statusKey: r.statusKey,
    statusName: r.statusName,
    email: r.email ? maskEmail(r.email) : null,
  }));
  return { ok: true, people: found };
}
