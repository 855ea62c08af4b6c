import { eq } from "drizzle-orm";
import {
  committeeFunctions,
  committees,
  equipmentTypes,
  functionRoles,
  membershipStatuses,
  personRoles,
  rolePermissions,
  roles,
  statusRoles,
} from "@/lib/db/schema";
import { createPerson } from "../../people/create-person";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import type { Permission } from "../permissions";

export interface EscalationFixture extends DemoDatabase {
  /** staff: the built-in staff role (members.write …); sysop: system.admin without the rest; eqmgr: equipment.manage only. */
  actors: Record<"staff" | "sysop" | "eqmgr", number>;
  roles: Record<"admin" | "staff" | "trainer" | "member" | "sysop" | "eqmgr", number>;
  status: Record<string, number>;
  /** A status "board" and a committee function "Chair" that each grant the admin role. */
  boardStatus: number;
  chairFunction: number;
  types: Record<"org" | "system" | "laser", number>;
}

async function customRole(t: DemoDatabase, key: string, permissions: Permission[]): Promise<number> {
  const [role] = await t.db.insert(roles).values({ key, name: key }).returning();
  await t.db.insert(rolePermissions).values(permissions.map((permissionKey) => ({ roleId: role!.id, permissionKey })));
  return role!.id;
}

async function personWithRole(t: DemoDatabase, name: string, roleId: number): Promise<number> {
  const { personId } = await createPerson(t.db, {
    statusKey: "member",
    firstName: name,
    email: `${name}@makerspace.local`,
    password: "demo-password-123",
    assignMemberNumber: true,
  });
  await t.db.insert(personRoles).values({ personId, roleId });
  return personId;
}

/** The demo people plus a staff member, a partial system admin, an equipment manager and grants worth stealing. */
export async function createEscalationFixture(): Promise<EscalationFixture> {
  const t = await createDemoDatabase();
  const roleRows = await t.db.select().from(roles);
  const roleId = (key: string) => roleRows.find((r) => r.key === key)!.id;
  const sysop = await customRole(t, "sysop", ["system.admin", "members.read", "members.write", "directory.read"]);
  const eqmgr = await customRole(t, "eqmgr", ["equipment.manage", "directory.read"]);
  const actors = {
    staff: await personWithRole(t, "staff", roleId("staff")),
    sysop: await personWithRole(t, "sysop", sysop),
    eqmgr: await personWithRole(t, "eqmgr", eqmgr),
  };
  const [board] = await t.db
    .insert(membershipStatuses)
    .values({ key: "board", name: "Board", mayLogIn: true, mayUseMachines: true, inDirectory: true, mayVote: true })
    .returning();
  await t.db.insert(statusRoles).values({ statusId: board!.id, roleId: roleId("admin") });
  const [committee] = await t.db.insert(committees).values({ name: "Board" }).returning();
  const [chair] = await t.db.insert(committeeFunctions).values({ committeeId: committee!.id, name: "Chair" }).returning();
  await t.db.insert(functionRoles).values({ functionId: chair!.id, roleId: roleId("admin") });
  const status: Record<string, number> = {};
  for (const s of await t.db.select().from(membershipStatuses)) status[s.key] = s.id;
  const typeId = async (where: ReturnType<typeof eq>) => (await t.db.select({ id: equipmentTypes.id }).from(equipmentTypes).where(where))[0]!.id;
  return {
    ...t,
    actors,
    roles: { admin: roleId("admin"), staff: roleId("staff"), trainer: roleId("trainer"), member: roleId("member"), sysop, eqmgr },
    status,
    boardStatus: board!.id,
    chairFunction: chair!.id,
    types: {
      org: await typeId(eq(equipmentTypes.purpose, "organisation")),
      system: await typeId(eq(equipmentTypes.purpose, "system")),
      laser: await typeId(eq(equipmentTypes.name, "Laser cutter")),
    },
  };
}
