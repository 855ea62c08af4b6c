import { and, asc, eq, ilike, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { accounts, cards, membershipStatuses, people, profiles } from "@/lib/db/schema";
import type { Permission } from "../access/permissions";
import { normalizeCardUid } from "../cards/uid";
import { fail, type Failure, type Result } from "../shared/result";
import { mayViewField, type Viewer } from "./visibility";

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
const CANDIDATES = 60;

/** `%` and `_` typed by a user are literal characters, not wildcards. */
const like = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** "maria.huber@example.org" → "ma…@example.org": tells two addresses apart without spelling one out. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return "…";
  return `${email.slice(0, Math.min(2, at))}…${email.slice(at)}`;
}

/**
 * People matching what the viewer typed — name, member number, email or card uid — for a picker used for
 * `purpose`. Only someone holding that purpose's permission gets an answer. A person is found by a field only
 * where the viewer may see that field of theirs (visibility.ts), so the search never tells who has a hidden name
 * or address; card uids only for those who manage people. Erased people are never offered.
 */
export async function pickPeople(
  db: Db,
  viewer: Viewer & { personId: number },
  purpose: PickPurpose,
  query: string,
): Promise<Result<{ people: PickedPerson[] }, PickRefusal>> {
  const rule = PICK_PURPOSES[purpose];
  if (!viewer.permissions.has(rule.permission)) return fail("forbidden", "You are not allowed to pick people for this.");
  const q = query.replace(/\0/g, "").trim().slice(0, 100);
  if (!q) return { ok: true, people: [] };

  const picked = q.startsWith(PICKED_PREFIX) ? /^person:(\d{1,9})$/.exec(q) : null;
  if (q.startsWith(PICKED_PREFIX) && !picked) return fail("invalid", `q: "${PICKED_PREFIX}" must be followed by a person's id.`, { field: "q" });
  const pattern = like(q);
  const byName = or(
    ilike(profiles.firstName, pattern),
    ilike(profiles.lastName, pattern),
    ilike(sql`${profiles.firstName} || ' ' || ${profiles.lastName}`, pattern),
  );
  const byEmail = or(
    ilike(profiles.email, pattern),
    sql`exists (select 1 from ${accounts} where ${accounts.personId} = ${people.id} and ${accounts.email} ilike ${pattern})`,
  );
  const number = /^#?(\d{1,9})$/.exec(q);
  const uid = normalizeCardUid(q);
  const managesPeople = viewer.permissions.has("members.read") || viewer.permissions.has("members.write");
  const byCard = uid && managesPeople ? sql`exists (select 1 from ${cards} where ${cards.personId} = ${people.id} and ${cards.uid} = ${uid})` : sql`false`;
  const byNumber = number ? eq(people.memberNumber, Number(number[1])) : sql`false`;
  const byId = picked ? eq(people.id, Number(picked[1])) : sql`false`;

  const conditions: SQL[] = [isNull(people.erasedAt)];
  if (rule.loginOnly) conditions.push(eq(membershipStatuses.mayLogIn, true));
  conditions.push(picked ? byId : or(byName, byEmail, byNumber, byCard)!);
  const rows = await db
    .select({
      personId: people.id,
      memberNumber: people.memberNumber,
      statusKey: membershipStatuses.key,
      statusName: membershipStatuses.name,
      profile: profiles,
      loginEmail: accounts.email,
      nameHit: sql<boolean>`coalesce(${byName}, false)`,
      emailHit: sql<boolean>`coalesce(${byEmail}, false)`,
      otherHit: sql<boolean>`coalesce(${byNumber} or ${byCard} or ${byId}, false)`,
    })
    .from(people)
    .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
    .leftJoin(profiles, eq(profiles.personId, people.id))
    .leftJoin(accounts, eq(accounts.personId, people.id))
    .where(and(...conditions))
    .orderBy(sql`${profiles.lastName} asc nulls last`, asc(profiles.firstName), asc(people.id))
    .limit(CANDIDATES);

  const found: PickedPerson[] = [];
  for (const r of rows) {
    const settings = r.profile
      ? { personId: r.personId, partnerPersonId: r.profile.partnerPersonId, visibility: r.profile.visibility, boardOnly: r.profile.boardOnly }
      : null;
    const sees = (field: "name" | "email") => (settings ? mayViewField(viewer, settings, field) : managesPeople);
    // A hit on a field the viewer may not see does not count: otherwise typing a name would reveal who has it.
    if (!(r.otherHit || (r.nameHit && sees("name")) || (r.emailHit && sees("email")))) continue;
    const name = r.profile ? `${r.profile.firstName} ${r.profile.lastName}`.trim() : "";
    const email = r.profile?.email ?? r.loginEmail;
    found.push({
      personId: r.personId,
      name: name && sees("name") ? name : null,
      memberNumber: r.memberNumber,
      statusKey: r.statusKey,
      statusName: r.statusName,
      email: email && sees("email") ? maskEmail(email) : null,
    });
    if (found.length === LIMIT) break;
  }
  return { ok: true, people: found };
}
