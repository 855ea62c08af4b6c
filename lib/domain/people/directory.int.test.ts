import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addressTypes, membershipStatuses, people, profiles } from "@/lib/db/schema";
import { permissionsOfPerson } from "../access/person-permissions";
import { grantPersonRole } from "../access/person-roles";
import { createRole } from "../access/role-admin";
import { viewRightKey, viewScopeOf, visibleInScope } from "../access/view-rights";
import { createPerson } from "./create-person";
import { addAddress } from "./address-service";
import { viewPerson } from "./directory";
import { wholeDirectory } from "./testing/whole-directory";
import { updateProfile } from "./person-service";
import { setPartner, setVisibility } from "./profile-settings";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { mayViewField, scopedViewer, VISIBILITY_FIELDS, type Viewer } from "./visibility";

let t: DemoDatabase;
const viewers: Record<string, Viewer> = {};
beforeAll(async () => {
  t = await createDemoDatabase();
  const [home] = await t.db.select().from(addressTypes);
  await updateProfile(t.db, t.ids.member, t.ids.member, {
    firstName: "Mario",
    lastName: "Rossi",
    email: "member@makerspace.local",
    phone: "+43 1 234",
    company: "ACME",
  });
  await addAddress(t.db, t.ids.member, t.ids.member, { typeId: home!.id, street: "Hauptstraße 1", city: "Wien" });
  await setVisibility(t.db, t.ids.member, t.ids.member, { visibility: { name: "public", phone: "members", address: "board" }, boardOnly: false });
  await setPartner(t.db, t.ids.admin, t.ids.member, t.ids.applicant);
  viewers.anonymous = { personId: null, permissions: new Set() };
  for (const who of ["admin", "member", "maria", "applicant"] as const)
    viewers[who] = { personId: t.ids[who], permissions: await permissionsOfPerson(t.db, t.ids[who]) };
});
afterAll(() => t?.close());

const fieldsOf = async (viewer: Viewer) => Object.keys((await viewPerson(t.db, viewer, t.ids.member))?.fields ?? {}).sort();

describe("what each viewer sees of Mario", () => {
  it.each([
    ["anonymous", ["name"]],
    ["maria", ["company", "interests", "jobTitle", "name", "partner", "phone", "photo", "studies"]],
    ["applicant", ["company", "interests", "jobTitle", "name", "partner", "phone", "photo", "studies"]], // his partner, no directory right
    ["admin", ["address", "company", "email", "interests", "jobTitle", "name", "partner", "phone", "photo", "studies"]],
    ["member", ["address", "company", "email", "interests", "jobTitle", "name", "partner", "phone", "photo", "studies"]],
  ])("%s", async (who, fields) => {
    expect(await fieldsOf(viewers[who]!)).toEqual(fields);
  });

  it("hiding the phone from members hides it from Maria, not from the board", async () => {
    await setVisibility(t.db, t.ids.member, t.ids.member, { visibility: { name: "public", phone: "board" }, boardOnly: false });
    const maria = await wholeDirectory(t.db, viewers.maria!);
    const mario = maria.find((e) => e.personId === t.ids.member)!;
    expect(mario.fields).toMatchObject({ name: "Mario Rossi", company: "ACME" });
    expect(mario.fields.phone).toBeUndefined();
    expect((await viewPerson(t.db, viewers.admin!, t.ids.member))!.fields.phone).toBe("+43 1 234");
  });

  it("'only the board' removes Mario from the members' directory", async () => {
    await setVisibility(t.db, t.ids.member, t.ids.member, { visibility: {}, boardOnly: true });
    expect((await wholeDirectory(t.db, viewers.maria!)).map((e) => e.personId)).not.toContain(t.ids.member);
    expect(await viewPerson(t.db, viewers.maria!, t.ids.member)).toBeNull();
    expect((await wholeDirectory(t.db, viewers.admin!)).map((e) => e.personId)).toContain(t.ids.member);
  });

  it("lists only statuses that appear in the directory", async () => {
    const ids = (await wholeDirectory(t.db, viewers.admin!)).map((e) => e.personId);
    expect(ids).not.toContain(t.ids.applicant);
    expect(ids).toContain(t.ids.maria);
  });
});

describe("every name shown obeys that person's visibility for that viewer", () => {
  const today = new Date().toISOString().slice(0, 10);
  let scoped: number;
  beforeAll(async () => {
    // Namesakes (same last and first name: the page's key must tell them apart), every setting of the name, "only
    // the board", partners of Maria, in statuses inside and outside the directory.
    const statuses = ["member", "supporting", "former", "applicant"];
    const settings = ["public", "members", "board", undefined, "everyone"];
    for (let i = 0; i < 30; i++) {
      const { personId } = await createPerson(t.db, {
        statusKey: statuses[i % statuses.length]!,
        firstName: i % 3 ? `First${i % 4}` : "Same",
        lastName: i % 2 ? "Namesake" : `Last${i}`,
        assignMemberNumber: true,
      });
      const name = settings[i % settings.length];
      await t.db
        .update(profiles)
        .set({ visibility: name ? { name } : {}, boardOnly: i % 7 === 0, partnerPersonId: i % 6 === 1 ? t.ids.maria : null })
        .where(eq(profiles.personId, personId));
    }
    // Someone who may read the directory and see supporting members only (an applicant's status grants no role).
    scoped = (await createPerson(t.db, { statusKey: "applicant", firstName: "Scoped", lastName: "Viewer", assignMemberNumber: true })).personId;
    const [supporting] = await t.db.select().from(membershipStatuses).where(eq(membershipStatuses.key, "supporting"));
    const role = await createRole(t.db, t.ids.admin, { name: "Supporting directory", permissions: ["directory.read", viewRightKey("status", supporting!.id)] });
    if (!("roleId" in role)) throw new Error("role not created");
    expect(await grantPersonRole(t.db, t.ids.admin, scoped, { roleId: role.roleId, since: today, until: null })).toEqual({ ok: true });
  });

  /** What the rule in JS (visibility.ts) grants this viewer, read from the rows themselves. */
  async function expectedFor(viewer: Viewer) {
    const rows = await t.db
      .select({ personId: people.id, profile: profiles })
      .from(people)
      .innerJoin(profiles, eq(profiles.personId, people.id))
      .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
      .where(and(isNull(people.erasedAt), eq(membershipStatuses.inDirectory, true)));
    const scope = viewer.personId !== null ? await viewScopeOf(t.db, viewer.personId) : null;
    const within = scope
      ? await visibleInScope(
          t.db,
          scope,
          rows.map((r) => r.personId),
        )
      : null;
    return new Map(
      rows.map(({ personId, profile }) => {
        const settings = { personId, partnerPersonId: profile.partnerPersonId, visibility: profile.visibility, boardOnly: profile.boardOnly };
        return [personId, { settings, viewer: scopedViewer(viewer, settings, within === null || within.has(personId)) }];
      }),
    );
  }

  it.each(["anonymous", "maria", "applicant", "member", "admin", "scoped"])("for %s, page by page", async (who) => {
    const viewer = who === "scoped" ? { personId: scoped, permissions: await permissionsOfPerson(t.db, scoped) } : viewers[who]!;
    const expected = await expectedFor(viewer);
    const shown = await wholeDirectory(t.db, viewer, 3);
    for (const entry of shown) {
      const rule = expected.get(entry.personId);
      expect(rule, `person ${entry.personId} is not in the directory`).toBeDefined();
      for (const field of VISIBILITY_FIELDS)
        expect(field in entry.fields, `${who} sees ${field} of ${entry.personId}`).toBe(mayViewField(rule!.viewer, rule!.settings, field));
    }
    // Nobody whose name the rule grants is missing, nobody twice, and small pages give the same list as one large one.
    const mayName = [...expected].filter(([, r]) => mayViewField(r.viewer, r.settings, "name")).map(([id]) => id);
    expect(shown.map((e) => e.personId).sort((a, b) => a - b)).toEqual(mayName.sort((a, b) => a - b));
    expect(shown.map((e) => e.personId)).toEqual((await wholeDirectory(t.db, viewer, 1000)).map((e) => e.personId));
    if (who === "anonymous") expect(shown.length).toBeGreaterThan(0);
    if (who === "admin") expect(shown.length).toBe(expected.size);
  });
});
