import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translator } from "@/lib/i18n/translate";
import { membershipStatuses, permissions, rolePermissions } from "@/lib/db/schema";
import { listMembersVisibleTo } from "../mailing-lists/list-members";
import { createMailingList } from "../mailing-lists/lists";
import { deleteCommittee } from "../people/committee-admin";
import { assignFunction, createCommittee, createFunction } from "../people/committee-service";
import { wholeDirectory } from "../people/testing/whole-directory";
import { listAllPeople, parsePeopleFilter } from "../people/people-list";
import { peopleToCsv } from "../people/people-export";
import { deleteStatus } from "../people/reference-delete";
import { saveStatus } from "../people/reference-service";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { permissionsOfPerson } from "./person-permissions";
import { grantPersonRole } from "./person-roles";
import { createRole, listRolesWithPermissions, updateRole } from "./role-admin";
import { viewRightKey, viewScopeOf } from "./view-rights";

let t: DemoDatabase;
let status: Record<string, number>;
beforeAll(async () => {
  t = await createDemoDatabase();
  status = Object.fromEntries((await t.db.select().from(membershipStatuses)).map((s) => [s.key, s.id]));
});
afterAll(() => t?.close());

const today = new Date().toISOString().slice(0, 10);
const roleByKey = async (key: string) => (await listRolesWithPermissions(t.db)).find((r) => r.key === key)!;
const viewer = async (personId: number) => ({ personId, permissions: await permissionsOfPerson(t.db, personId) });
const directoryIds = async (personId: number) => (await wholeDirectory(t.db, await viewer(personId))).map((e) => e.personId);

describe("a status or committee brings its own view right", () => {
  it("creating, renaming and deleting a status or committee creates, renames and removes its right", async () => {
    const s = await saveStatus(t.db, t.ids.admin, null, {
      key: "honorary",
      name: "Honorary",
      mayLogIn: true,
      mayUseMachines: false,
      inDirectory: true,
      mayVote: false,
    });
    if (!s.ok) throw new Error(s.message);
    const key = viewRightKey("status", s.id);
    expect((await t.db.select().from(permissions).where(eq(permissions.key, key)))[0]?.description).toBe('See people with status "Honorary"');
    // The roles that saw people keep seeing everyone by default; the admin role holds it as it holds everything.
    expect((await roleByKey("member")).rights).toContain(key);
    expect((await roleByKey("admin")).rights).toContain(key);
    await saveStatus(t.db, t.ids.admin, s.id, {
      key: "honorary",
      name: "Honorary member",
      mayLogIn: true,
      mayUseMachines: false,
      inDirectory: true,
      mayVote: false,
    });
    expect((await t.db.select().from(permissions).where(eq(permissions.key, key)))[0]?.description).toBe('See people with status "Honorary member"');
    expect(await deleteStatus(t.db, t.ids.admin, s.id)).toEqual({ ok: true });
    expect(await t.db.select().from(permissions).where(eq(permissions.key, key))).toHaveLength(0);
    expect(await t.db.select().from(rolePermissions).where(eq(rolePermissions.permissionKey, key))).toHaveLength(0);

    const c = await createCommittee(t.db, t.ids.admin, { name: "Temp team" });
    if (!c.ok) throw new Error(c.message);
    expect(
      await t.db
        .select()
        .from(permissions)
        .where(eq(permissions.key, viewRightKey("committee", c.committeeId))),
    ).toHaveLength(1);
    expect(await deleteCommittee(t.db, t.ids.admin, c.committeeId)).toEqual({ ok: true });
    expect(
      await t.db
        .select()
        .from(permissions)
        .where(like(permissions.key, `view.committee.${c.committeeId}`)),
    ).toHaveLength(0);
  });
});

describe("lists show a viewer only the groups they may see", () => {
  it("limits the directory, the people export and a mailing list; a committee right adds its members back", async () => {
    // As installed, every member sees every member in the directory.
    expect(await directoryIds(t.ids.member)).toContain(t.ids.maria);
    const member = await roleByKey("member");
    const onlySupporting = [...member.permissions, viewRightKey("status", status.supporting!)];
    expect(await updateRole(t.db, t.ids.admin, member.id, { name: member.name, description: member.description, permissions: onlySupporting })).toMatchObject({
      ok: true,
    });
    const seen = await directoryIds(t.ids.member);
    expect(seen).not.toContain(t.ids.maria);
    expect(seen).toContain(t.ids.member); // always oneself

    // Maria sits on the repair committee; a role seeing that committee brings her back for Mario.
    const c = await createCommittee(t.db, t.ids.admin, { name: "Repair café" });
    const f = await createFunction(t.db, t.ids.admin, { committeeId: (c as { committeeId: number }).committeeId, name: "Host" });
    await assignFunction(t.db, t.ids.admin, { functionId: (f as { functionId: number }).functionId, personId: t.ids.maria, since: today });
    const committeeRight = viewRightKey("committee", (c as { committeeId: number }).committeeId);
    // The member role got the new committee's right by default: take it off again to test the direct grant.
    const m2 = await roleByKey("member");
    await updateRole(t.db, t.ids.admin, m2.id, {
      name: m2.name,
      description: "",
      permissions: [...m2.permissions, ...m2.rights.filter((k) => k !== committeeRight)],
    });
    expect(await directoryIds(t.ids.member)).not.toContain(t.ids.maria);
    const cafe = (await createRole(t.db, t.ids.admin, { name: "Café viewers", permissions: [committeeRight] })) as { roleId: number };
    expect(await grantPersonRole(t.db, t.ids.admin, t.ids.member, { roleId: cafe.roleId, since: today, until: null })).toEqual({ ok: true });
    expect(await directoryIds(t.ids.member)).toContain(t.ids.maria);

    // The export: a board member seeing only applicants (and what their own member status shows) exports no members.
    const intake = (await createRole(t.db, t.ids.admin, { name: "Intake", permissions: ["members.read", viewRightKey("status", status.applicant!)] })) as {
      roleId: number;
    };
    // The applicant holds no other role (their status grants none): with Intake they see applicants only.
    expect(await grantPersonRole(t.db, t.ids.admin, t.ids.applicant, { roleId: intake.roleId, since: today, until: null })).toEqual({ ok: true });
    const scope = await viewScopeOf(t.db, t.ids.applicant);
    const rows = await listAllPeople(t.db, { ...parsePeopleFilter({}), scope });
    const ids = rows.map((r) => r.personId);
    expect(ids).toEqual([t.ids.applicant]);
    expect(peopleToCsv(translator("en"), rows, "Europe/Vienna")).not.toContain("maria@");
    // The unscoped list (scripts) and a system admin still see everyone.
    expect((await listAllPeople(t.db, { ...parsePeopleFilter({}), scope: await viewScopeOf(t.db, t.ids.admin) })).map((r) => r.personId)).toContain(
      t.ids.maria,
    );

    // A mailing list of all members: its page and export show the intake viewer only the people they may see.
    const list = await createMailingList(t.db, t.ids.admin, { name: "All members", address: "all@makerspace.local", statusIds: [status.member!] });
    if (!list.ok) throw new Error(list.message);
    const forIntake = (await listMembersVisibleTo(t.db, t.ids.applicant, list.id)).map((m) => m.personId);
    const forAdmin = (await listMembersVisibleTo(t.db, t.ids.admin, list.id)).map((m) => m.personId);
    expect(forAdmin).toContain(t.ids.maria);
    expect(forIntake).toEqual([]);
  });
});
