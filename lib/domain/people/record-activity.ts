import { asc, desc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import {
  auditLog,
  equipmentTypes,
  eventRegistrations,
  events,
  machines,
  thingLoans,
  things,
  trainingSessions,
  trainingSignups,
  usageSessions,
} from "@/lib/db/schema";
import { permissionsOfPerson } from "../access/person-permissions";
import { directRoles } from "../access/person-roles";
import { visibleNames } from "./visible-names";

/**
 * The parts of a person's record that live in other areas (machine use, loans, registrations, training, roles)
 * and its change history with who made each change, named as the viewer may see them. Part of "my record" and
 * of the right-of-access export.
 */
export async function recordActivity(db: Db, viewerId: number, personId: number) {
  const [usage, loans, registrations, trainings, roles, history] = await Promise.all([
    db
      .select({
        machine: machines.name,
        startedAt: usageSessions.startedAt,
        endedAt: usageSessions.endedAt,
        durationSeconds: usageSessions.durationSeconds,
        recordedAs: usageSessions.recordedAs,
        cardUid: usageSessions.cardUid,
      })
      .from(usageSessions)
      .innerJoin(machines, eq(machines.id, usageSessions.machineId))
      .where(eq(usageSessions.personId, personId))
      .orderBy(desc(usageSessions.startedAt)),
    db
      .select({
        thingId: things.id,
        thing: things.name,
        lentAt: thingLoans.lentAt,
        dueOn: thingLoans.dueOn,
        returnedAt: thingLoans.returnedAt,
        note: thingLoans.note,
      })
      .from(thingLoans)
      .innerJoin(things, eq(things.id, thingLoans.thingId))
      .where(eq(thingLoans.borrowerPersonId, personId))
      .orderBy(desc(thingLoans.lentAt)),
    db
      .select({
        event: events.title,
        startsAt: events.startsAt,
        status: eventRegistrations.status,
        registeredAt: eventRegistrations.createdAt,
        cancelledAt: eventRegistrations.cancelledAt,
      })
      .from(eventRegistrations)
      .innerJoin(events, eq(events.id, eventRegistrations.eventId))
      .where(eq(eventRegistrations.personId, personId))
      .orderBy(desc(events.startsAt)),
    db
      .select({
        equipmentType: equipmentTypes.name,
        level: trainingSessions.level,
        startsAt: trainingSessions.startsAt,
        status: trainingSignups.status,
        attendance: trainingSignups.attendance,
      })
      .from(trainingSignups)
      .innerJoin(trainingSessions, eq(trainingSessions.id, trainingSignups.sessionId))
      .innerJoin(equipmentTypes, eq(equipmentTypes.id, trainingSessions.equipmentTypeId))
      .where(eq(trainingSignups.personId, personId))
      .orderBy(asc(trainingSessions.startsAt)),
    directRoles(db, personId),
    db.select().from(auditLog).where(eq(auditLog.subjectPersonId, personId)).orderBy(desc(auditLog.at)),
  ]);
  const actorIds = [...new Set(history.map((e) => e.actorId).filter((id): id is number => id !== null))];
  const viewer = { personId: viewerId, permissions: await permissionsOfPerson(db, viewerId) };
  const names = await visibleNames(db, viewer, actorIds);
  return {
    usage,
    loans,
    registrations,
    trainings,
    roles: roles.map(({ name, since, until }) => ({ role: name, since, until })),
    history: history.map((e) => {
      const actor = e.actorId === null ? null : names.get(e.actorId);
      // Who made the change, as far as the viewer may see that person's name: else their number, else "staff".
      const by =
        e.actorId === null ? "system" : e.actorId === personId ? "self" : (actor?.name ?? (actor?.memberNumber != null ? `#${actor.memberNumber}` : "staff"));
      return { at: e.at, by, changeType: e.changeType, before: e.before, after: e.after };
    }),
  };
}
