import { and, eq, gte, isNull, lte, or } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { memberships, membershipStatuses, membershipTypes, people } from "@/lib/db/schema";
import { recordAudit } from "../audit/record-audit";
import { subjectRefusal } from "../access/containment";
import { outOfViewRefusal } from "../access/view-rights";
import { statusChangeRefusals, writeStatusChange } from "./person-service";
import { fail, forbidden, notFound, type Result } from "./result";
import { actorMay } from "../shared/actor-may";
import { invalidFrom } from "../shared/result";

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "not a date (YYYY-MM-DD)")
  .refine((s) => !Number.isNaN(Date.parse(s)), "not a date");

export const membershipInputSchema = z
  .object({
    typeId: z.coerce.number().int().positive(),
    validFrom: isoDate,
    validUntil: isoDate.nullable().optional(),
    endsAtYearEnd: z.boolean().default(false),
  })
  .refine((m) => !m.validUntil || m.validUntil >= m.validFrom, { message: "ends before it starts", path: ["validUntil"] });
export type MembershipInput = z.input<typeof membershipInputSchema>;

/** A person takes up a membership type for a period; a date range ending before it starts is refused by name. */
export async function addMembership(db: Db, actorId: number, personId: number, input: MembershipInput): Promise<Result<{ membershipId: number }>> {
  if (!(await actorMay(db, actorId, "members.write"))) return forbidden();
  const parsed = membershipInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    if (issue.path[0] === "validUntil" && issue.message === "ends before it starts")
      return fail("date_range", "The membership ends before it starts.", { field: "validUntil" });
    return invalidFrom(parsed.error.issues);
  }
  return db.transaction(async (tx) => {
    const [person] = await tx.select({ id: people.id }).from(people).where(eq(people.id, personId));
    if (!person) return notFound();
    const refused = (await outOfViewRefusal(tx, actorId, personId)) ?? (await subjectRefusal(tx, actorId, personId));
    if (refused) return refused;
    const [type] = await tx.select().from(membershipTypes).where(eq(membershipTypes.id, parsed.data.typeId));
    if (!type) return fail("invalid", "Unknown membership type.", { field: "typeId" });
    const values = { personId, ...parsed.data, validUntil: parsed.data.validUntil ?? null };
    const [row] = await tx.insert(memberships).values(values).returning();
    await recordAudit(tx, {
      actorId,
      subjectPersonId: personId,
      changeType: "membership.create",
      entity: "membership",
      entityId: row!.id,
      after: { type: type.key, ...parsed.data },
    });
    return { ok: true as const, membershipId: row!.id };
  });
}

/** Marks (or unmarks) a membership to end with the association year: the end-of-year action then acts on it. */
export async function setEndsAtYearEnd(db: Db, actorId: number, membershipId: number, endsAtYearEnd: boolean): Promise<Result> {
  const [row] = await db.select().from(memberships).where(eq(memberships.id, membershipId));
  if (!row) return notFound("membership");
  if (row.personId !== actorId && !(await actorMay(db, actorId, "members.write"))) return forbidden();
  // Marked to end, the membership makes its holder "former" at year end: not for someone above the actor.
  const refused = (await outOfViewRefusal(db, actorId, row.personId)) ?? (await subjectRefusal(db, actorId, row.personId));
  if (refused) return refused;
  if (row.endsAtYearEnd === endsAtYearEnd) return { ok: true };
  return db.transaction(async (tx) => {
    await tx.update(memberships).set({ endsAtYearEnd }).where(eq(memberships.id, membershipId));
    await recordAudit(tx, {
      actorId,
      subjectPersonId: row.personId,
      changeType: "membership.update",
      entity: "membership",
      entityId: membershipId,
      before: { endsAtYearEnd: row.endsAtYearEnd },
      after: { endsAtYearEnd },
    });
    return { ok: true as const };
  });
}

/** The memberships in force on a day (the person's current plan). */
export function currentMembershipCondition(today: string) {
  return and(lte(memberships.validFrom, today), or(isNull(memberships.validUntil), gte(memberships.validUntil, today)));
}

/**
 * End of the association year: every person with a current membership marked to end at year end becomes
 * "former", and those memberships end on the last day of the year. Safe to run twice.
 */
export function runEndOfYear(db: Db, actorId: number | null, year: number, now = new Date()): Promise<Result<{ moved: number[]; skipped: number[] }>> {
  return runEndOfYearOn(db, actorId, `${year}-12-31`, now, `Membership ended with the association year ${year}`);
}

/** The same for an association year that ends on `lastDay` (YYYY-MM-DD; the year need not be the calendar year). */
export async function runEndOfYearOn(
  db: Db,
  actorId: number | null,
  lastDay: string,
  now = new Date(),
  reason = `Membership ended with the association year ending ${lastDay}`,
): Promise<Result<{ moved: number[]; skipped: number[] }>> {
  if (actorId !== null && !(await actorMay(db, actorId, "members.write"))) return forbidden();
  if (!isoDate.safeParse(lastDay).success) return fail("invalid", "lastDay: not a date (YYYY-MM-DD)", { field: "lastDay" });
  return db.transaction(async (tx) => {
    const [former] = await tx.select().from(membershipStatuses).where(eq(membershipStatuses.key, "former"));
    if (!former) return fail("not_found", 'There is no status "former".');
    const due = await tx
      .select({ m: memberships, p: people, s: membershipStatuses })
      .from(memberships)
      .innerJoin(people, eq(people.id, memberships.personId))
      .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
      .where(
        and(eq(memberships.endsAtYearEnd, true), lte(memberships.validFrom, lastDay), or(isNull(memberships.validUntil), gte(memberships.validUntil, lastDay))),
      );
    const moved: number[] = [];
    const skipped: number[] = [];
    // Someone outside the actor's view rights or holding permissions the actor lacks is left for an actor who sees
    // and outranks them (or the scheduler). The actor's rights are read once for the run, not once per person.
    const refused = await statusChangeRefusals(
      tx,
      actorId,
      due.map((d) => d.p.id),
      former.id,
      now,
    );
    for (const { m, p, s } of due) {
      if (refused.has(p.id)) {
        if (!skipped.includes(p.id)) skipped.push(p.id);
        continue;
      }
      await tx.update(memberships).set({ validUntil: lastDay }).where(eq(memberships.id, m.id));
      await recordAudit(tx, {
        actorId,
        subjectPersonId: p.id,
        changeType: "membership.update",
        entity: "membership",
        entityId: m.id,
        before: { validUntil: m.validUntil },
        after: { validUntil: lastDay },
      });
      if (p.statusId !== former.id && !moved.includes(p.id)) {
        await writeStatusChange(tx, actorId, p, s, former, reason, now);
        moved.push(p.id);
      }
    }
    return { ok: true as const, moved, skipped };
  });
}
