import { and, asc, eq, isNull, lt } from "drizzle-orm";
import { parseDay } from "@/lib/time";
import type { Db } from "@/lib/db/client";
import { people, profiles, thingLoans, things, type ThingLoan } from "@/lib/db/schema";
import { recordAudit } from "../audit/record-audit";
import { spaceToday } from "../settings/space-today";
import { fail, FORBIDDEN, type Result } from "./result";
import { mayEditInventory } from "./may-edit";
import { constraintOf } from "../shared/db-errors";

const ALREADY_LENT = "This thing is already lent out. Take it back before lending it again.";

export interface LendInput {
  thingId: number;
  borrowerPersonId: number;
  /** The day it is due back ("YYYY-MM-DD"); today at the earliest. */
  dueOn: string;
  note?: string;
}

export async function openLoanOf(db: Db, thingId: number): Promise<ThingLoan | null> {
  const [row] = await db
    .select()
    .from(thingLoans)
    .where(and(eq(thingLoans.thingId, thingId), isNull(thingLoans.returnedAt)));
  return row ?? null;
}

/** Lend a thing to a member. A second open loan is refused here and by a partial unique index. */
export async function lendThing(db: Db, actorId: number, input: LendInput, now = new Date()): Promise<Result<{ loanId: number }>> {
  if (!(await mayEditInventory(db, actorId))) return FORBIDDEN;
  if (!parseDay(input.dueOn) || input.dueOn < (await spaceToday(db, now))) return fail("due_in_past", "The return date must be today or later.");
  try {
    return await db.transaction(async (tx) => {
      const [thing] = await tx.select().from(things).where(eq(things.id, input.thingId)).for("update");
      if (!thing) return fail("not_found", "This thing does not exist.");
      const [borrower] = await tx.select().from(people).where(eq(people.id, input.borrowerPersonId));
      if (!borrower || borrower.erasedAt) return fail("not_found", "The borrower does not exist.");
      if (await openLoanOf(tx, thing.id)) return fail("already_lent", ALREADY_LENT);
      const values = { thingId: thing.id, borrowerPersonId: borrower.id, dueOn: input.dueOn, lentAt: now, lentById: actorId, note: input.note?.trim() ?? "" };
      const [loan] = await tx.insert(thingLoans).values(values).returning();
      await recordAudit(tx, {
        actorId,
        subjectPersonId: borrower.id,
        changeType: "thing.lend",
        entity: "thing",
        entityId: thing.id,
        after: { loanId: loan!.id, borrowerPersonId: borrower.id, dueOn: input.dueOn },
      });
      return { ok: true as const, loanId: loan!.id };
    });
  } catch (error) {
    if (constraintOf(error) === "thing_loans_one_open_idx") return fail("already_lent", ALREADY_LENT);
    throw error;
  }
}

export async function returnThing(db: Db, actorId: number, thingId: number, now = new Date()): Promise<Result<{ loanId: number }>> {
  if (!(await mayEditInventory(db, actorId))) return FORBIDDEN;
  return db.transaction(async (tx) => {
    const [loan] = await tx
      .select()
      .from(thingLoans)
      .where(and(eq(thingLoans.thingId, thingId), isNull(thingLoans.returnedAt)))
      .for("update");
    if (!loan) return fail("not_lent", "This thing is not lent out.");
    await tx.update(thingLoans).set({ returnedAt: now, returnedById: actorId }).where(eq(thingLoans.id, loan.id));
    await recordAudit(tx, {
      actorId,
      subjectPersonId: loan.borrowerPersonId,
      changeType: "thing.return",
      entity: "thing",
      entityId: thingId,
      before: { loanId: loan.id, borrowerPersonId: loan.borrowerPersonId },
      after: { returnedAt: now.toISOString() },
    });
    return { ok: true as const, loanId: loan.id };
  });
}

export interface OpenLoanRow {
  loanId: number;
  thingId: number;
  thingNumber: number;
  thingName: string;
  borrowerPersonId: number;
  borrowerName: string;
  borrowerEmail: string | null;
  borrowerLanguage: string | null;
  lentAt: Date;
  dueOn: string;
  lastReminderAt: Date | null;
}

/** Open loans, earliest due first; with `overdueAt`, only those overdue then (due before that day in the space). */
export async function listOpenLoans(db: Db, options: { overdueAt?: Date } = {}): Promise<OpenLoanRow[]> {
  const today = options.overdueAt ? await spaceToday(db, options.overdueAt) : null;
  const rows = await db
    .select({
      loanId: thingLoans.id,
      thingId: things.id,
      thingNumber: things.number,
      thingName: things.name,
      borrowerPersonId: thingLoans.borrowerPersonId,
      firstName: profiles.firstName,
      lastName: profiles.lastName,
      borrowerEmail: profiles.email,
      borrowerLanguage: profiles.preferredLanguage,
      lentAt: thingLoans.lentAt,
      dueOn: thingLoans.dueOn,
      lastReminderAt: thingLoans.lastReminderAt,
    })
    .from(thingLoans)
    .innerJoin(things, eq(things.id, thingLoans.thingId))
    .leftJoin(profiles, eq(profiles.personId, thingLoans.borrowerPersonId))
    .where(and(isNull(thingLoans.returnedAt), today ? lt(thingLoans.dueOn, today) : undefined))
    .orderBy(asc(thingLoans.dueOn), asc(thingLoans.id));
  return rows.map(({ firstName, lastName, ...r }) => ({ ...r, borrowerName: [firstName, lastName].filter(Boolean).join(" ") || `#${r.borrowerPersonId}` }));
}
