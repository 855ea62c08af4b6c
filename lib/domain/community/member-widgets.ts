import { and, asc, eq, gt, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { equipmentTypes, thingLoans, things, trainingSessions, trainingSignups } from "@/lib/db/schema";

/** The member's next training they signed up for (or are waitlisted on), not cancelled. */
export async function nextTrainingOf(db: Db, personId: number, now = new Date()) {
  const [row] = await db
    .select({ id: trainingSessions.id, startsAt: trainingSessions.startsAt, typeName: equipmentTypes.name, status: trainingSignups.status })
    .from(trainingSignups)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingSignups.sessionId))
    .innerJoin(equipmentTypes, eq(equipmentTypes.id, trainingSessions.equipmentTypeId))
    .where(and(eq(trainingSignups.personId, personId), inArray(trainingSignups.status, ["signed_up", "waitlisted"]), gt(trainingSessions.startsAt, now), isNull(trainingSessions.cancelledAt)))
    .orderBy(asc(trainingSessions.startsAt))
    .limit(1);
  return row ?? null;
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
