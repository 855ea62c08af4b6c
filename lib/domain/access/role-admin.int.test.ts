import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, equipmentAuthorizations, functionHolders, people, permissions, personRoles, profiles, rolePermissions, roles } from "@/lib/db/schema";
import { countingDb } from "@/lib/db/testing/query-counter";
import { createPerson } from "../people/create-person";
import { permissionsOfPerson } from "./person-permissions";
import { directRoles, endPersonRole, grantPersonRole } from "./person-roles";
import { createRole, deleteRole, listRolesWithPermissions, roleWithPermissions, updateRole } from "./role-admin";
import { roleHolderCounts, roleHolders } from "./role-holders";
import { createEscalationFixture, type EscalationFixture } from "./testing/escalation-fixture";
import { ALL_PERMISSIONS } from "./permissions";
import { spaceToday } from "../settings/space-today";
import { addDays, isoDate, parseDay } from "@/lib/time";
import { groupedPermissions } from "./permission-groups";

let t: EscalationFixture;
/** Today in the space's zone (Europe/Vienna): the rules count days there, so near midnight UTC the days differ. */
let today: string;
beforeAll(async () => {
  t = await createEscalationFixture();
  today = await spaceToday(t.db);
});
afterAll(() => t?.close());

const exceeds = { ok: false, code: "exceeds_own_permissions" };
const outranks = { ok: false, code: "outranks_you" };
const shift = (days: number) => isoDate(addDays(parseDay(today)!, days));
const asViewer = async (personId: number) => ({ personId, permissions: await permissionsOfPerson(t.db, personId) });
const permsOf = async (roleId: number) => (await listRolesWithPermissions(t.db)).find((r) => r.id === roleId)?.permissions;

describe("the permission list", () => {
  it("groups every permission the code defines exactly once", () => {
    const listed = groupedPermissions().flatMap((g) => g.permissions);
    expect([...listed].sort()).toEqual([...ALL_PERMISSIONS].sort());
  });
});

describe("role CRUD", () => {
  it("a system admin creates, renames and re-permissions a role within their own permissions, audited", async () => {
    const created = await createRole(t.db, t.actors.sysop, { name: "Door team", description: "Opens up", permissions: ["members.read", "directory.read"] });
    expect(created).toMatchObject({ ok: true });
    const id = (created as { roleId: number }).roleId;
    expect((await t.db.select().from(roles).where(eq(roles.id, id)))[0]).toMatchObject({ key: "door-team", name: "Door team", description: "Opens up" });
    expect(await permsOf(id)).toEqual(["directory.read", "members.read"]);
    expect(await updateRole(t.db, t.actors.sysop, id, { name: "Door crew", description: "", permissions: ["members.write"] })).toMatchObject({ ok: true });
    expect(await permsOf(id)).toEqual(["members.write"]);
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "role"), eq(auditLog.entityId, String(id))));
    expect(entries.map((e) => e.changeType).sort()).toEqual(["role.create", "role.update"]);
    // A second role with the same name is refused, whatever the case; its key would be numbered otherwise.
    expect(await createRole(t.db, t.ids.admin, { name: "door CREW", permissions: [] })).toMatchObject({ ok: false, code: "duplicate_name" });
    const again = await createRole(t.db, t.ids.admin, { name: "Door-team!", permissions: [] });
    expect(
      (
        await t.db
          .select()
          .from(roles)
          .where(eq(roles.id, (again as { roleId: number }).roleId))
      )[0]!.key,
    ).toBe("door-team-2");
  });

  it("one role, as the list has it, in one statement of its own rows (its pages asked for every role)", async () => {
    const [right] = await t.db.select({ key: permissions.key }).from(permissions).where(like(permissions.key, "view.%")).limit(1);
    const made = await createRole(t.db, t.actors.sysop, { name: "Viewers", permissions: [right!.key, "directory.read"] });
    const empty = await createRole(t.db, t.actors.sysop, { name: "Nothing yet", permissions: [] });
    const all = await listRolesWithPermissions(t.db);
    expect(all.find((r) => r.id === (made as { roleId: number }).roleId)).toMatchObject({ permissions: ["directory.read"], rights: [right!.key] });
    expect(all.find((r) => r.id === (empty as { roleId: number }).roleId)).toMatchObject({ permissions: [], rights: [] });
    const counted = countingDb(t.url);
    try {
      await roleWithPermissions(counted.db, all[0]!.id); // the connection's own first questions (types) not counted
      for (const role of all) {
        counted.reset();
        expect(await roleWithPermissions(counted.db, role.id)).toEqual(role);
        expect(counted.queries).toHaveLength(1);
        expect(counted.queries[0]).toMatch(/where "roles"\."id" = \$1/);
      }
      expect(await roleWithPermissions(counted.db, 2_000_000_000)).toBeNull();
      expect(await roleWithPermissions(counted.db, null)).toBeNull();
    } finally {
      await counted.close();
    }
  });

  it("refuses a role carrying a permission the actor lacks, in either direction, and unknown permissions", async () => {
    expect(await createRole(t.db, t.actors.sysop, { name: "Auditors", permissions: ["audit.read"] })).toMatchObject(exceeds);
    // The staff role carries machines.operate and more the sysop lacks: neither widen, narrow nor rename it.
    expect(await updateRole(t.db, t.actors.sysop, t.roles.staff, { name: "Staff", description: "", permissions: ["members.read"] })).toMatchObject(exceeds);
    expect(
      await updateRole(t.db, t.actors.sysop, t.roles.member, { name: "Member", description: "", permissions: ["directory.read", "audit.read"] }),
    ).toMatchObject(exceeds);
    expect(await createRole(t.db, t.ids.admin, { name: "Bogus", permissions: ["root.everything"] })).toMatchObject({ ok: false, code: "invalid" });
    expect(await t.db.select().from(roles).where(eq(roles.name, "Auditors"))).toHaveLength(0);
  });

  it("only system admins shape roles", async () => {
    expect(await createRole(t.db, t.actors.staff, { name: "Mine", permissions: ["directory.read"] })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await deleteRole(t.db, t.actors.staff, t.roles.trainer)).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("the administrator role keeps every permission and cannot be deleted, but can be renamed", async () => {
    expect(await updateRole(t.db, t.ids.admin, t.roles.admin, { name: "Administrator", description: "", permissions: ["system.admin"] })).toMatchObject({
      ok: false,
      code: "locked",
    });
    expect(await deleteRole(t.db, t.ids.admin, t.roles.admin)).toMatchObject({ ok: false, code: "locked" });
    expect(
      await updateRole(t.db, t.ids.admin, t.roles.admin, { name: "Board admins", description: "Everything", permissions: [...ALL_PERMISSIONS] }),
    ).toMatchObject({ ok: true });
    expect((await permsOf(t.roles.admin))!.length).toBe(ALL_PERMISSIONS.length);
  });

  it("deleting takes the role from its holders; a role above the actor cannot be deleted", async () => {
    expect(await deleteRole(t.db, t.actors.sysop, t.roles.staff)).toMatchObject(exceeds);
    const r = (await createRole(t.db, t.ids.admin, { name: "Temp", permissions: ["news.write"] })) as { roleId: number };
    await t.db.insert(personRoles).values({ personId: t.ids.member, roleId: r.roleId });
    expect(await permissionsOfPerson(t.db, t.ids.member)).toContain("news.write");
    expect(await deleteRole(t.db, t.ids.admin, r.roleId)).toEqual({ ok: true });
    expect(await permissionsOfPerson(t.db, t.ids.member)).not.toContain("news.write");
    expect(await t.db.select().from(rolePermissions).where(eq(rolePermissions.roleId, r.roleId))).toHaveLength(0);
  });
});

describe("giving a role directly, with its days", () => {
  it("counts from its first through its last day; ending it takes the rights away now and keeps the history", async () => {
    const r = (await createRole(t.db, t.ids.admin, { name: "Newsroom", permissions: ["news.write", "directory.read"] })) as { roleId: number };
    const person = t.ids.maria;
    expect(await grantPersonRole(t.db, t.actors.sysop, person, { roleId: r.roleId, since: shift(3), until: null })).toMatchObject(exceeds);
    expect(await grantPersonRole(t.db, t.ids.admin, person, { roleId: r.roleId, since: shift(3), until: shift(1) })).toMatchObject({
      ok: false,
      code: "date_range",
    });
    expect(await grantPersonRole(t.db, t.ids.admin, person, { roleId: r.roleId, since: shift(3), until: null })).toEqual({ ok: true });
    expect(await permissionsOfPerson(t.db, person)).not.toContain("news.write");
    expect(await permissionsOfPerson(t.db, person, new Date(Date.now() + 4 * 86_400_000))).toContain("news.write");
    expect(await grantPersonRole(t.db, t.ids.admin, person, { roleId: r.roleId, since: shift(-10), until: shift(30) })).toEqual({ ok: true });
    expect(await permissionsOfPerson(t.db, person)).toContain("news.write");
    expect(await permissionsOfPerson(t.db, person, new Date(Date.now() + 40 * 86_400_000))).not.toContain("news.write");
    expect(await endPersonRole(t.db, t.ids.admin, person, r.roleId)).toEqual({ ok: true });
    expect(await permissionsOfPerson(t.db, person)).not.toContain("news.write");
    expect(await directRoles(t.db, person)).toEqual([expect.objectContaining({ roleId: r.roleId, since: shift(-10), until: shift(-1) })]);
    const types = (await t.db.select().from(auditLog).where(eq(auditLog.subjectPersonId, person))).map((e) => e.changeType);
    expect(types).toEqual(expect.arrayContaining(["person.role.grant", "person.role.end"]));
  });

  it("nobody gives a role carrying more than they hold, nor ends a role of someone above them", async () => {
    expect(await grantPersonRole(t.db, t.actors.sysop, t.ids.member, { roleId: t.roles.admin, since: shift(0), until: null })).toMatchObject(exceeds);
    expect(await grantPersonRole(t.db, t.actors.sysop, t.actors.sysop, { roleId: t.roles.staff, since: shift(0), until: null })).toMatchObject(exceeds);
    await t.db.insert(personRoles).values({ personId: t.actors.eqmgr, roleId: t.roles.trainer }).onConflictDoNothing();
    expect(await endPersonRole(t.db, t.actors.sysop, t.actors.eqmgr, t.roles.trainer)).toMatchObject(outranks);
    expect(await endPersonRole(t.db, t.actors.staff, t.ids.member, t.roles.trainer)).toMatchObject({ ok: false, code: "forbidden" });
  });
});

describe("who holds a role and why", () => {
  it("lists direct grants with their days, statuses, committee functions and system training", async () => {
    const r = (await createRole(t.db, t.ids.admin, { name: "Why test", permissions: ["directory.read"] })) as { roleId: number };
    await grantPersonRole(t.db, t.ids.admin, t.ids.trainer, { roleId: r.roleId, since: shift(-1), until: shift(5) });
    const adminView = await asViewer(t.ids.admin);
    const { holders, total } = await roleHolders(t.db, adminView, r.roleId);
    expect(total).toBe(1);
    expect(holders).toEqual([
      expect.objectContaining({
        person: expect.objectContaining({ personId: t.ids.trainer }),
        reasons: [{ kind: "direct", since: shift(-1), until: shift(5) }],
      }),
    ]);

    await t.db.insert(functionHolders).values({ functionId: t.chairFunction, personId: t.ids.maria, since: shift(-1) });
    await t.db
      .insert(equipmentAuthorizations)
      .values({ personId: t.ids.member, equipmentTypeId: t.types.system, level: "user", source: "grant", grantedById: t.ids.admin });
    const { holders: admins } = await roleHolders(t.db, adminView, t.roles.admin);
    const why = (id: number) => admins.find((h) => h.person.personId === id)?.reasons.map((x) => x.kind);
    expect(why(t.ids.maria)).toContain("function");
    expect(why(t.ids.member)).toEqual(["training"]);
    expect(why(t.ids.admin)).toContain("direct");
    // Members in the status granting the role are listed by it, named as the viewer may see them.
    const { holders: members } = await roleHolders(t.db, adminView, t.roles.member);
    expect(members.find((h) => h.person.personId === t.ids.member)?.reasons).toEqual([{ kind: "status", status: "Member" }]);
    expect(members.find((h) => h.person.personId === t.ids.member)?.person.name).toBeTruthy();
  });

  it("counts every holder and pages them in the database, by the name the viewer may see, hidden names last", async () => {
    const adminView = await asViewer(t.ids.admin);
    const all = await roleHolders(t.db, adminView, t.roles.member, { limit: 1000 });
    expect(all.total).toBe(all.holders.length);
    expect(all.total).toBeGreaterThan(2);
    const names = all.holders.map((h) => h.person.name);
    expect(names.every((n) => n !== null)).toBe(true);
    const first = await roleHolders(t.db, adminView, t.roles.member, { limit: 2 });
    expect(first.total).toBe(all.total);
    expect(first.holders).toEqual(all.holders.slice(0, 2));

    // A viewer who sees only public names: Maria's, made public, comes first; the hidden ones follow by id, unnamed.
    await t.db
      .update(profiles)
      .set({ visibility: { name: "public" }, boardOnly: false })
      .where(eq(profiles.personId, t.ids.maria));
    const visitor = await roleHolders(t.db, { personId: null, permissions: new Set() }, t.roles.member, { limit: 1000 });
    expect(visitor.total).toBe(all.total);
    expect(visitor.holders[0]!.person).toMatchObject({ personId: t.ids.maria, name: "Maria Huber" });
    const hidden = visitor.holders.slice(1);
    expect(hidden.every((h) => h.person.name === null)).toBe(true);
    expect(hidden.map((h) => h.person.personId)).toEqual(hidden.map((h) => h.person.personId).sort((a, b) => a - b));
    expect(visitor.holders.map((h) => h.person.personId).sort()).toEqual(all.holders.map((h) => h.person.personId).sort());
  });

  it("pages through every holder: pages put together are the whole list, past the end only the count", async () => {
    const adminView = await asViewer(t.ids.admin);
    const all = await roleHolders(t.db, adminView, t.roles.member, { limit: 1000 });
    const pages = [];
    for (let offset = 0; offset < all.total; offset += 2) pages.push(await roleHolders(t.db, adminView, t.roles.member, { limit: 2, offset }));
    expect(pages.flatMap((p) => p.holders)).toEqual(all.holders);
    expect(pages.every((p) => p.total === all.total)).toBe(true);
    expect(await roleHolders(t.db, adminView, t.roles.member, { limit: 2, offset: all.total + 10 })).toEqual({ holders: [], total: all.total, more: false });
  });

  it("counts every role's holders at once, each person once, as each role's own list does, in a fixed number of queries", async () => {
    const person = async (name: string) =>
      (await createPerson(t.db, { statusKey: "member", firstName: name, email: `${name}@makerspace.local`, assignMemberNumber: true })).personId;
    // Held twice over (status and directly; directly and by a function), from a later day, ended, erased, trained.
    await grantPersonRole(t.db, t.ids.admin, t.ids.member, { roleId: t.roles.member, since: shift(0), until: null });
    await t.db.insert(functionHolders).values({ functionId: t.chairFunction, personId: t.ids.admin, since: shift(-3) });
    await grantPersonRole(t.db, t.ids.admin, await person("later"), { roleId: t.roles.trainer, since: shift(3), until: null });
    await t.db.insert(personRoles).values({ personId: await person("ended"), roleId: t.roles.trainer, since: shift(-9), until: shift(-2) });
    const erased = await person("erased");
    await t.db.insert(personRoles).values({ personId: erased, roleId: t.roles.trainer, since: shift(-1) });
    await t.db.update(people).set({ erasedAt: new Date() }).where(eq(people.id, erased));
    await t.db
      .insert(equipmentAuthorizations)
      .values({ personId: t.ids.admin, equipmentTypeId: t.types.system, level: "user", source: "grant", grantedById: t.ids.admin });

    const adminView = await asViewer(t.ids.admin);
    const counted = countingDb(t.url);
    try {
      await roleHolderCounts(counted.db); // the connection's own first questions (types) not counted
      counted.reset();
      const counts = await roleHolderCounts(counted.db);
      const asked = counted.queries.length;
      expect(asked).toBeLessThanOrEqual(3);
      for (const role of await listRolesWithPermissions(t.db)) {
        const { total } = await roleHolders(t.db, adminView, role.id, { limit: 1 });
        expect({ role: role.key, total: counts.get(role.id) ?? 0 }).toEqual({ role: role.key, total });
      }
      expect(counts.get(t.roles.trainer)).toBeGreaterThan(0);
      // More holders ask no more questions.
      await t.db.insert(personRoles).values({ personId: await person("another"), roleId: t.roles.staff, since: shift(0) });
      counted.reset();
      const more = await roleHolderCounts(counted.db);
      expect(counted.queries.length).toBe(asked);
      expect(more.get(t.roles.staff)).toBe((counts.get(t.roles.staff) ?? 0) + 1);
    } finally {
      await counted.close();
    }
  });
});
