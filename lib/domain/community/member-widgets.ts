import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { thingLoans, things } from "@/lib/db/schema";
import { openSignupsOf } from "../training/training-state";

/** The member's next training they are still waiting for (signed up or waitlisted; see openSignupsOf). */
export async function nextTrainingOf(db: Db, personId: number, now = new Date()) {
  const [next] = await openSignupsOf(db, personId, now);
  return next ? { id: next.sessionId, startsAt: next.startsAt, typeName: next.typeName, status: next.status } : null;
}

/** Things the member has borrowed and not returned, earliest due first. */
export async function openLoansOf(db: Db, personId: number) {
  return db
    .select({ loanId: thingLoans.id, thingName: things.name, dueOn: thingLoans.dueOn })
    .from(thingLoans)
    .innerJoin(things, eq(things.id, thingLoans.thingId))
    .where(and(eq(thingLoans.borrowerPersonId, personId), isNull(thingLoans.returnedAt)))
    .orderBy(asc(thingLoans.dueOn));
}
