import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addressTypes } from "@/lib/db/schema";
import { permissionsOfPerson } from "../access/person-permissions";
import { addAddress } from "./address-service";
import { listDirectory, viewPerson } from "./directory";
import { updateProfile } from "./person-service";
import { setPartner, setVisibility } from "./profile-settings";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import type { Viewer } from "./visibility";

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
    const maria = await listDirectory(t.db, viewers.maria!);
    const mario = maria.find((e) => e.personId === t.ids.member)!;
    expect(mario.fields).toMatchObject({ name: "Mario Rossi", company: "ACME" });
    expect(mario.fields.phone).toBeUndefined();
    expect((await viewPerson(t.db, viewers.admin!, t.ids.member))!.fields.phone).toBe("+43 1 234");
  });

  it("'only the board' removes Mario from the members' directory", async () => {
    await setVisibility(t.db, t.ids.member, t.ids.member, { visibility: {}, boardOnly: true });
    expect((await listDirectory(t.db, viewers.maria!)).map((e) => e.personId)).not.toContain(t.ids.member);
    expect(await viewPerson(t.db, viewers.maria!, t.ids.member)).toBeNull();
    expect((await listDirectory(t.db, viewers.admin!)).map((e) => e.personId)).toContain(t.ids.member);
  });

  it("lists only statuses that appear in the directory", async () => {
    const ids = (await listDirectory(t.db, viewers.admin!)).map((e) => e.personId);
    expect(ids).not.toContain(t.ids.applicant);
    expect(ids).toContain(t.ids.maria);
  });
});
