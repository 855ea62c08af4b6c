import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { cards, equipmentAuthorizations, equipmentTypes, machines, people, personRoles, roles, trainingPrerequisites } from "@/lib/db/schema";
import { createPerson } from "@/lib/domain/people/create-person";
import { openPairingWindow } from "@/lib/domain/usage/board-pairing";
import { seedLivedIn } from "./seed-lived-in";
import { seedDemoShowcase } from "./seed-showcase";

export interface DemoLogin {
  role: string;
  email: string;
  cardUid: string;
}

export interface DemoSeed {
  password: string;
  logins: DemoLogin[];
  machines: { boardId: number; name: string }[];
}

const DEMO_PEOPLE = [
  { role: "admin", first: "Ada", last: "Admin", email: "admin@makerspace.local", status: "member", card: "a0000001" },
  { role: "trainer", first: "Tom", last: "Trainer", email: "trainer@makerspace.local", status: "member", card: "b0000002" },
  { role: "member", first: "Mario", last: "Rossi", email: "member@makerspace.local", status: "member", card: "efbeadde" },
  { role: "member", first: "Maria", last: "Huber", email: "maria@makerspace.local", status: "member", card: "c0000003" },
  { role: "applicant", first: "Andy", last: "Applicant", email: "applicant@makerspace.local", status: "applicant", card: "d0000004" },
] as const;

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const rows = await db.select({ id: people.id }).from(people).limit(1);
  return rows.length === 0;
}

export interface DemoSeedOptions {
  /**
   * Also a small inventory, a news post, an open poll and the open status (seed-showcase.ts), and a space that has
   * been running a while (seed-lived-in.ts: imported members, events, trainings, bookings, usage, machines in use,
   * due and blocked, an overdue loan), so a fresh `npm start` shows every page filled. Test fixtures leave it out.
   */
  showcase?: boolean;
}

/**
 * Demo data for a first start: an admin, a trainer, members with cards, equipment types and machines with
 * board ids 1–3 whose pairing windows are open (the first board heard on each is paired). Mario's card (efbeadde) is trained on machine 1's type.
 */
export async function seedDemoData(db: Db, password = randomBytes(9).toString("base64url"), options: DemoSeedOptions = {}): Promise<DemoSeed> {
  const [org] = await db.insert(equipmentTypes).values({ name: "Makerspace membership", purpose: "organisation" }).returning();
  const [system] = await db.insert(equipmentTypes).values({ name: "System administration", purpose: "system" }).returning();
  const [laser] = await db
    .insert(equipmentTypes)
    .values({ name: "Laser cutter", boardKind: 2, validityMonths: 24, description: "CO2 laser, 60 W" })
    .returning();
  const [printer] = await db.insert(equipmentTypes).values({ name: "3D printer", boardKind: 1 }).returning();
  const [cnc] = await db.insert(equipmentTypes).values({ name: "CNC router", boardKind: 3, validityMonths: 12 }).returning();

  const demoMachines = [
    { boardId: 1, name: "LASER 1", equipmentTypeId: laser!.id, location: "Workshop", autoLogoffMinutes: 480 },
    { boardId: 2, name: "PRUSA MK4", equipmentTypeId: printer!.id, location: "Electronics room", autoLogoffMinutes: 0 },
    { boardId: 3, name: "CNC ROUTER", equipmentTypeId: cnc!.id, location: "Workshop", autoLogoffMinutes: 240 },
  ];
  const machineRows = await db
    .insert(machines)
    .values(demoMachines.map((m) => ({ ...m, graceMinutes: 2 })))
    .returning({ id: machines.id, boardId: machines.boardId });
  // The first board heard on each demo machine is paired with it: `npm run simulate` needs no extra step.
  for (const m of machineRows) await openPairingWindow(db, m.id);

  const roleRows = await db.select().from(roles);
  const roleId = (key: string) => roleRows.find((r) => r.key === key)!.id;
  const ids: Record<string, number> = {};
  for (const p of DEMO_PEOPLE) {
    const { personId } = await createPerson(db, {
      statusKey: p.status,
      firstName: p.first,
      lastName: p.last,
      email: p.email,
      password,
      assignMemberNumber: p.status === "member",
    });
    ids[p.email] = personId;
    await db.insert(cards).values({ uid: p.card, personId });
    if (p.role === "admin" || p.role === "trainer") await db.insert(personRoles).values({ personId, roleId: roleId(p.role) });
  }

  const grant = (email: string, typeId: number, level: "user" | "owner" | "trainer") => ({
    personId: ids[email]!,
    equipmentTypeId: typeId,
    level,
    source: "grant" as const,
    reason: "Demo data",
  });
  await db
    .insert(equipmentAuthorizations)
    .values([
      ...["admin@makerspace.local", "trainer@makerspace.local", "member@makerspace.local", "maria@makerspace.local"].map((e) => grant(e, org!.id, "user")),
      grant("admin@makerspace.local", system!.id, "user"),
      grant("trainer@makerspace.local", laser!.id, "user"),
      grant("trainer@makerspace.local", laser!.id, "owner"),
      grant("trainer@makerspace.local", laser!.id, "trainer"),
      grant("member@makerspace.local", laser!.id, "user"),
      grant("maria@makerspace.local", printer!.id, "user"),
    ]);

  // Owners of the laser are trained as users first.
  await db.insert(trainingPrerequisites).values({ equipmentTypeId: laser!.id, level: "owner", requiresEquipmentTypeId: laser!.id, requiresLevel: "user" });
  if (options.showcase) {
    await seedDemoShowcase(db, { admin: ids["admin@makerspace.local"]!, member: ids["member@makerspace.local"]! });
    const machineId = (boardId: number) => machineRows.find((m) => m.boardId === boardId)!.id;
    await seedLivedIn(
      db,
      {
        admin: ids["admin@makerspace.local"]!,
        trainer: ids["trainer@makerspace.local"]!,
        mario: ids["member@makerspace.local"]!,
        maria: ids["maria@makerspace.local"]!,
        laserMachineId: machineId(1),
        printerMachineId: machineId(2),
        cncMachineId: machineId(3),
        printerTypeId: printer!.id,
        cncTypeId: cnc!.id,
      },
      password,
    );
  }

  return {
    password,
    logins: DEMO_PEOPLE.map((p) => ({ role: p.role, email: p.email, cardUid: p.card })),
    machines: demoMachines.map(({ boardId, name }) => ({ boardId, name })),
  };
}
