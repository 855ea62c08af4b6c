import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { accounts, equipmentAuthorizations, equipmentTypes, machineBookings, machines, profiles, usageSessions } from "@/lib/db/schema";
import { hashPassword } from "@/lib/domain/auth/passwords";
import { invitePerson } from "@/lib/domain/auth/invitation-send";
import { bookMachine } from "@/lib/domain/calendar/machine-bookings";
import { registerMember } from "@/lib/domain/calendar/registrations";
import { saveBookable } from "@/lib/domain/calendar/rooms-resources";
import { saveEvent } from "@/lib/domain/calendar/save-event";
import { setMachineBlocked } from "@/lib/domain/equipment/machine-service";
import { lendThing } from "@/lib/domain/inventory/loans";
import { createThing } from "@/lib/domain/inventory/things";
import { savePlan } from "@/lib/domain/machines/maintenance-plans";
import type { Mailer } from "@/lib/domain/mail/mailer";
import { commitImport } from "@/lib/domain/people/import-people";
import { getSpaceSettings } from "@/lib/domain/settings/space-settings";
import { requestTraining } from "@/lib/domain/training/request-service";
import { scheduleSession } from "@/lib/domain/training/session-service";
import { signUp } from "@/lib/domain/training/signup-service";
import { addDays, dayOf, instantOf, today, weekday } from "@/lib/time";

const DAY = 86_400_000;

function must<T extends { ok: boolean }>(what: string, result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`Demo data: ${what} failed: ${(result as unknown as { message: string }).message}`);
  return result as Extract<T, { ok: true }>;
}

/** The people a club brings when it moves in: a spreadsheet export, imported as such (audited as an import). */
export const IMPORTED_PEOPLE_CSV = [
  "firstName,lastName,email,phone,status,cardUid",
  "Giulia,Ferrari,giulia.ferrari@example.org,+39 035 555 0101,member,5a11ce01",
  "Luca,Bianchi,luca.bianchi@example.org,,member,5a11ce02",
  "Sophie,Gruber,sophie.gruber@example.org,,member,5a11ce03",
  "Jonas,Berger,jonas.berger@example.org,,member,5a11ce04",
  "Elena,Conti,,+43 1 555 0105,member,5a11ce05",
  "Peter,Wagner,peter.wagner@example.org,,former,",
].join("\n");

/** Mails nothing: the demo's invitations were "sent" before the first start, nobody holds their links. */
const NO_MAIL: Mailer = { send: async () => {} };

export interface LivedInIds {
  admin: number;
  trainer: number;
  mario: number;
  maria: number;
  laserMachineId: number;
  printerMachineId: number;
  cncMachineId: number;
  printerTypeId: number;
  cncTypeId: number;
}

/**
 * A space that has been running for a while, every date relative to `now` in the space's saved time zone: imported
 * members with and without logins (one invited, one whose invitation expired), rooms and events with registrations
 * (a weekly open evening), a printer training that is full with a waiting list and a training request, bookings past
 * and upcoming, two months of machine usage, a machine in use (its session is open as of the seed; like any board
 * that falls silent, the broker closes it an hour later), one due for maintenance, one blocked, and an overdue loan.
 * Written through the domain services where they accept the past (history rows are inserted as a board would have
 * left them), so the audit log tells the same story.
 */
export async function seedLivedIn(db: Db, ids: LivedInIds, password: string, now = new Date()): Promise<void> {
  const zone = (await getSpaceSettings(db)).timeZone;
  const day0 = today(zone, now);
  /** The instant of hh:mm on the day `days` from today, in the space's zone. */
  const at = (days: number, hour: number, minute = 0) => instantOf({ ...addDays(day0, days), hour, minute }, zone);
  const { admin, trainer, mario, maria } = ids;

  // People from the old spreadsheet: none of them has a login yet.
  must("import", await commitImport(db, admin, IMPORTED_PEOPLE_CSV));
  const person = async (email: string) => (await db.select({ id: profiles.personId }).from(profiles).where(eq(profiles.email, email)))[0]!.id;
  const giulia = await person("giulia.ferrari@example.org");
  const luca = await person("luca.bianchi@example.org");
  const sophie = await person("sophie.gruber@example.org");
  const jonas = await person("jonas.berger@example.org");
  const elena = (await db.select({ id: profiles.personId }).from(profiles).where(eq(profiles.firstName, "Elena")))[0]!.id;
  // Luca accepted his invitation already (he logs in with the demo password); Sophie's is pending, Jonas's expired.
  await db.insert(accounts).values({ personId: luca, email: "luca.bianchi@example.org", passwordHash: await hashPassword(password) });
  must("invitation", await invitePerson(db, NO_MAIL, admin, sophie, new Date(now.getTime() - 2 * DAY)));
  must("old invitation", await invitePerson(db, NO_MAIL, admin, jonas, new Date(now.getTime() - 30 * DAY)));

  // Their machines: a second printer, a bandsaw and a vinyl cutter beside the laser, the printer and the router.
  const [bandsawType] = await db.insert(equipmentTypes).values({ name: "Bandsaw", boardKind: 4, validityMonths: 24, description: "Woodworking" }).returning();
  const [vinylType] = await db.insert(equipmentTypes).values({ name: "Vinyl cutter", boardKind: 5 }).returning();
  const [mk3, bandsaw, vinyl] = await db
    .insert(machines)
    .values([
      { boardId: 4, name: "PRUSA MK3S", equipmentTypeId: ids.printerTypeId, location: "Electronics room", graceMinutes: 2 },
      { boardId: 5, name: "BANDSAW", equipmentTypeId: bandsawType!.id, location: "Wood shop", autoLogoffMinutes: 120, graceMinutes: 2 },
      { boardId: 6, name: "VINYL CUTTER", equipmentTypeId: vinylType!.id, location: "Electronics room", graceMinutes: 2 },
    ])
    .returning();
  const grant = (personId: number, equipmentTypeId: number, level: "user" | "trainer" = "user") => ({
    personId,
    equipmentTypeId,
    level,
    source: "grant" as const,
    reason: "Imported from the old member list",
    grantedById: admin,
    grantedAt: new Date(now.getTime() - 200 * DAY),
  });
  await db
    .insert(equipmentAuthorizations)
    .values([
      grant(giulia, ids.printerTypeId),
      grant(giulia, ids.printerTypeId, "trainer"),
      grant(giulia, ids.cncTypeId),
      grant(giulia, bandsawType!.id),
      grant(luca, bandsawType!.id),
      grant(luca, vinylType!.id),
      grant(jonas, bandsawType!.id),
      grant(trainer, bandsawType!.id),
    ]);

  // Usage history for the charts: two months, a few sessions a week, each as a board records it.
  const cardOf: Record<number, string> = {
    [mario]: "efbeadde",
    [trainer]: "b0000002",
    [maria]: "c0000003",
    [giulia]: "5a11ce01",
    [luca]: "5a11ce02",
    [jonas]: "5a11ce04",
  };
  const history: (typeof usageSessions.$inferInsert)[] = [];
  const used = (machineId: number, personId: number, daysAgo: number, hour: number, minutes: number) => {
    const startedAt = at(-daysAgo, hour);
    const endedAt = new Date(startedAt.getTime() + minutes * 60_000);
    history.push({
      machineId,
      personId,
      cardUid: cardOf[personId]!,
      startedAt,
      endedAt,
      durationSeconds: minutes * 60,
      recordedAs: "live",
      endedBecause: "stop",
      lastHeartbeatAt: endedAt,
      heartbeats: minutes * 2,
      openedByEventAt: startedAt,
      closedByEventAt: endedAt,
    });
  };
  for (let week = 0; week < 8; week++) {
    const d = 3 + week * 7; // never within a day of now: a real swipe then starts a new session, not a replay
    used(ids.laserMachineId, mario, d, 18, 45 + week * 5);
    used(ids.laserMachineId, trainer, d + 2, 19, 30);
    used(ids.printerMachineId, maria, d + 1, 17, 180);
    used(ids.printerMachineId, giulia, d + 3, 10, 240);
    used(mk3!.id, maria, d + 4, 16, 120);
    if (week % 2 === 0) used(ids.cncMachineId, giulia, d + 2, 14, 90);
    used(bandsaw!.id, luca, d, 18, 75);
    used(bandsaw!.id, jonas, d + 1, 19, 60);
    used(bandsaw!.id, trainer, d + 5, 20, 45);
  }
  await db.insert(usageSessions).values(history);

  // In use right now: Maria's print started forty minutes ago and the board reported a moment ago.
  const started = new Date(now.getTime() - 40 * 60_000);
  await db.insert(usageSessions).values({
    machineId: mk3!.id,
    personId: maria,
    cardUid: "c0000003",
    startedAt: started,
    recordedAs: "live",
    lastHeartbeatAt: now,
    heartbeats: 80,
    openedByEventAt: started,
  });

  // Due for maintenance: the bandsaw's blade plan counts from before the two months of sessions above (25 hours).
  must(
    "plan",
    await savePlan(db, admin, {
      machineId: bandsaw!.id,
      plan: { everyHours: 20, description: "Check blade tension and guides; replace a dull blade.", lcdText: "Check blade" },
      now: new Date(now.getTime() - 70 * DAY),
    }),
  );
  must(
    "plan",
    await savePlan(db, admin, {
      machineId: ids.laserMachineId,
      plan: { everyHours: 200, description: "Clean the lens and mirrors.", lcdText: "Clean optics" },
      now: new Date(now.getTime() - 70 * DAY),
    }),
  );
  // Blocked, with the reason members read.
  must("block", await setMachineBlocked(db, admin, { machineId: vinyl!.id, blocked: true, reason: "Blade holder broken, a new one is on order" }));

  // Rooms and events: a weekly open evening (public), a repair café and a members' assembly with registrations.
  const workshop = must("room", await saveBookable(db, admin, "room", { name: "Workshop", description: "The big room downstairs, laser and CNC" })).id;
  const lounge = must("room", await saveBookable(db, admin, "room", { name: "Lounge", description: "Sofas, a projector and the coffee machine" })).id;
  const lastTuesday = (weekday(day0) - 2 + 7) % 7;
  must(
    "open evening",
    await saveEvent(db, admin, {
      title: "Open lab evening",
      description: "Everyone is welcome: see the machines, meet the members, bring a project.",
      startsAt: at(-lastTuesday - 21, 18),
      endsAt: at(-lastTuesday - 21, 22),
      timeZone: zone,
      recurrence: { freq: "weekly", interval: 1, until: null, count: null, weekdays: [2] },
      visibility: "public",
      roomIds: [workshop],
      responsiblePersonId: trainer,
    }),
  );
  const cafe = must(
    "repair café",
    await saveEvent(db, admin, {
      title: "Repair café",
      description: "Bring what is broken; we fix it together. Soldering irons and multimeters are here.",
      startsAt: at(10, 14),
      endsAt: at(10, 17),
      timeZone: zone,
      visibility: "public",
      capacity: 20,
      roomIds: [lounge],
    }),
  ).eventId;
  const assembly = must(
    "assembly",
    await saveEvent(db, admin, {
      title: "Members' assembly",
      description: "The yearly general assembly: the board's report, the budget and the election.",
      startsAt: at(17, 19),
      endsAt: at(17, 21),
      timeZone: zone,
      visibility: "members",
      roomIds: [lounge],
      responsiblePersonId: admin,
    }),
  ).eventId;
  for (const personId of [maria, giulia, luca]) must("registration", await registerMember(db, { eventId: cafe, personId }));
  for (const personId of [admin, trainer, mario, giulia]) must("registration", await registerMember(db, { eventId: assembly, personId }));

  // A printer training that is full, with Mario on its waiting list, and a request for the router.
  const session = must(
    "training",
    await scheduleSession(
      db,
      giulia,
      {
        equipmentTypeId: ids.printerTypeId,
        level: "user",
        startsAt: at(5, 18),
        endsAt: at(5, 20),
        room: "Electronics room",
        capacity: 2,
        notes: "Bring a model on a USB stick.",
      },
      now,
    ),
  ).id;
  for (const personId of [luca, jonas, mario]) must("sign-up", await signUp(db, personId, session, now));
  must("request", await requestTraining(db, maria, { equipmentTypeId: ids.cncTypeId, level: "user", note: "For a wooden box" }, now));

  // Bookings: upcoming ones through the booking rules, past ones as they were left.
  must("booking", await bookMachine(db, mario, { machineId: ids.laserMachineId, startsAt: at(2, 18), endsAt: at(2, 20), note: "Coasters for the café" }, now));
  must("booking", await bookMachine(db, maria, { machineId: ids.printerMachineId, startsAt: at(1, 14), endsAt: at(1, 17), note: "" }, now));
  await db.insert(machineBookings).values([
    { machineId: ids.laserMachineId, personId: mario, startsAt: at(-3, 18), endsAt: at(-3, 20), note: "" },
    { machineId: ids.printerMachineId, personId: maria, startsAt: at(-4, 17), endsAt: at(-4, 20), note: "" },
  ]);

  // Overdue: the oscilloscope went to Elena three weeks ago, due back a week ago.
  const scope = must("thing", await createThing(db, admin, { name: "Oscilloscope", description: "2 channels, 100 MHz" })).id;
  must(
    "overdue loan",
    await lendThing(
      db,
      admin,
      { thingId: scope, borrowerPersonId: elena, dueOn: dayOf(at(-7, 12), zone), note: "For the amplifier project" },
      new Date(now.getTime() - 21 * DAY),
    ),
  );
}
