import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, people, profiles } from "@/lib/db/schema";
import { permissionsOfPerson } from "../access/person-permissions";
import { addAddress, addressesOf, shareAddress, updateAddress } from "./address-service";
import { partnersAgree } from "./partner-consent";
import { findPersonByRef, linkPartnerByRef, partnerOf, setPartnerConsent } from "./partner-link";
import { changeStatus, updateProfile } from "./person-service";
import { setPartner, setVisibility } from "./profile-settings";
import { listAddressTypes } from "./reference-service";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";

let t: DemoDatabase;
beforeAll(async () => {
  t = await createDemoDatabase();
});
afterAll(() => t?.close());

describe("partner link by member number or email", () => {
  it("finds people by number (with or without #) or email in any case, nobody otherwise", async () => {
    const [maria] = await t.db.select().from(people).where(eq(people.id, t.ids.maria));
    expect(await findPersonByRef(t.db, String(maria!.memberNumber))).toBe(t.ids.maria);
    expect(await findPersonByRef(t.db, `#${maria!.memberNumber}`)).toBe(t.ids.maria);
    expect(await findPersonByRef(t.db, " MARIA@makerspace.local ")).toBe(t.ids.maria);
    expect(await findPersonByRef(t.db, "maria")).toBeNull();
    expect(await findPersonByRef(t.db, "999999")).toBeNull();
  });

  it("links both ways for members.write only, shares an address edited once for both, and unlinks", async () => {
    expect(await linkPartnerByRef(t.db, t.ids.admin, t.ids.member, "nobody@example.org", true)).toMatchObject({
      ok: false,
      code: "not_found",
      field: "partner",
    });
    expect(await linkPartnerByRef(t.db, t.ids.member, t.ids.member, "maria@makerspace.local", true)).toMatchObject({ ok: false, code: "forbidden" });
    // Without members.write an unknown reference is refused the same way: no probing who exists.
    expect(await linkPartnerByRef(t.db, t.ids.member, t.ids.member, "nobody@example.org", true)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await linkPartnerByRef(t.db, t.ids.admin, t.ids.member, "member@makerspace.local", true)).toMatchObject({ ok: false, code: "invalid" });
    expect(await linkPartnerByRef(t.db, t.ids.admin, t.ids.member, "maria@makerspace.local", true)).toEqual({ ok: true });
    expect(await partnerOf(t.db, t.ids.member)).toMatchObject({ personId: t.ids.maria, name: "Maria Huber", mayEdit: true });
    expect(await partnerOf(t.db, t.ids.maria)).toMatchObject({ personId: t.ids.member, mayEdit: true });

    const [type] = await listAddressTypes(t.db);
    const added = await addAddress(t.db, t.ids.member, t.ids.member, { typeId: type!.id, street: "Hofgasse 2", city: "Graz" });
    if (!added.ok) throw new Error(added.message);
    expect(await shareAddress(t.db, t.ids.admin, added.addressId, t.ids.member, t.ids.maria)).toEqual({ ok: true });
    // The partner may edit the shared row because the board allowed it: one edit, both see it.
    expect(await updateAddress(t.db, t.ids.maria, t.ids.maria, added.addressId, { street: "Hofgasse 3", city: "Graz" })).toMatchObject({ ok: true });
    expect((await addressesOf(t.db, t.ids.member)).find((a) => a.addressId === added.addressId)).toMatchObject({
      street: "Hofgasse 3",
      sharedWith: [t.ids.maria],
    });

    expect(await setPartner(t.db, t.ids.admin, t.ids.member, null)).toEqual({ ok: true });
    expect(await partnerOf(t.db, t.ids.member)).toBeNull();
    expect(await partnerOf(t.db, t.ids.maria)).toBeNull();
  });

  it("records an audit entry for a previous partner unlinked by a new link", async () => {
    expect(await setPartner(t.db, t.ids.admin, t.ids.member, t.ids.maria)).toEqual({ ok: true });
    expect(await setPartner(t.db, t.ids.admin, t.ids.member, t.ids.trainer)).toEqual({ ok: true });
    expect(await partnerOf(t.db, t.ids.maria)).toBeNull();
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.subjectPersonId, t.ids.maria));
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          changeType: "profile.partner",
          before: { partnerPersonId: t.ids.member, partnerMayEdit: false },
          after: { partnerPersonId: null, partnerMayEdit: false },
        }),
      ]),
    );
  });
});

describe("partners editing each other's data beyond addresses", () => {
  const profileOf = async (personId: number) => (await t.db.select().from(profiles).where(eq(profiles.personId, personId)))[0]!;
  const edit = async (actorId: number, personId: number, change: Partial<{ phone: string; jobTitle: string; email: string }>) => {
    const p = await profileOf(personId);
    return updateProfile(t.db, actorId, personId, {
      firstName: p.firstName,
      lastName: p.lastName,
      email: p.email ?? "",
      phone: p.phone ?? "",
      jobTitle: p.jobTitle ?? "",
      ...change,
    });
  };

  it("edit the other's profile data only while both agree; either may withdraw", async () => {
    expect(await setPartner(t.db, t.ids.admin, t.ids.member, t.ids.maria, false)).toEqual({ ok: true });
    expect(await edit(t.ids.maria, t.ids.member, { jobTitle: "Welder" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await setPartnerConsent(t.db, t.ids.maria, true)).toEqual({ ok: true });
    // One agreement is not enough.
    expect(await partnersAgree(t.db, t.ids.maria, t.ids.member)).toBe(false);
    expect(await edit(t.ids.maria, t.ids.member, { jobTitle: "Welder" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await setPartnerConsent(t.db, t.ids.member, true)).toEqual({ ok: true });
    expect(await edit(t.ids.maria, t.ids.member, { jobTitle: "Welder", phone: "+43 1 234567" })).toEqual({ ok: true });
    expect(await profileOf(t.ids.member)).toMatchObject({ jobTitle: "Welder", phone: "+43 1 234567" });
    expect(await edit(t.ids.member, t.ids.maria, { jobTitle: "Carpenter" })).toEqual({ ok: true });
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.changeType, "profile.update")).orderBy(desc(auditLog.id)).limit(1);
    expect(entry).toMatchObject({ actorId: t.ids.member, subjectPersonId: t.ids.maria, after: { jobTitle: "Carpenter" } });
    // Withdrawn by one: over for both.
    expect(await setPartnerConsent(t.db, t.ids.member, false)).toEqual({ ok: true });
    expect(await edit(t.ids.maria, t.ids.member, { jobTitle: "Painter" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await edit(t.ids.member, t.ids.maria, { jobTitle: "Painter" })).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("the board's checkbox records both agreements at once; unticked when linking again, both are withdrawn", async () => {
    expect(await setPartner(t.db, t.ids.admin, t.ids.member, t.ids.maria, true)).toEqual({ ok: true });
    expect(await partnerOf(t.db, t.ids.member)).toMatchObject({ iAgree: true, partnerAgrees: true, mayEdit: true });
    expect(await partnersAgree(t.db, t.ids.member, t.ids.maria)).toBe(true);
    expect(await partnersAgree(t.db, t.ids.maria, t.ids.member)).toBe(true);
    expect(await setPartner(t.db, t.ids.admin, t.ids.member, t.ids.maria, false)).toEqual({ ok: true });
    expect(await partnerOf(t.db, t.ids.maria)).toMatchObject({ iAgree: false, partnerAgrees: false, mayEdit: false });
  });

  it("containment: a partner gains no permission and touches nothing that gives or takes access", async () => {
    // The member partners the admin and both agree: the member may edit the admin's profile data, nothing more.
    expect(await setPartner(t.db, t.ids.admin, t.ids.member, t.ids.admin, true)).toEqual({ ok: true });
    const before = [...(await permissionsOfPerson(t.db, t.ids.member))].sort();
    expect(await edit(t.ids.member, t.ids.admin, { jobTitle: "Chair" })).toEqual({ ok: true });
    // The contact email can lead to a login on the record: not the partner's to change.
    expect(await edit(t.ids.member, t.ids.admin, { email: "member-owned@example.org" })).toMatchObject({ ok: false, code: "forbidden", field: "email" });
    expect((await profileOf(t.ids.admin)).email).not.toBe("member-owned@example.org");
    expect(await setVisibility(t.db, t.ids.member, t.ids.admin, { visibility: {}, boardOnly: false })).toMatchObject({ ok: false, code: "forbidden" });
    const [status] = await t.db.select({ id: people.statusId }).from(people).where(eq(people.id, t.ids.member));
    expect(await changeStatus(t.db, t.ids.member, t.ids.admin, { statusId: status!.id, reason: "partner" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await setPartner(t.db, t.ids.member, t.ids.member, t.ids.admin, true)).toMatchObject({ ok: false, code: "forbidden" });
    expect([...(await permissionsOfPerson(t.db, t.ids.member))].sort()).toEqual(before);
    expect(await setPartner(t.db, t.ids.admin, t.ids.member, null)).toEqual({ ok: true });
    expect(await edit(t.ids.member, t.ids.admin, { jobTitle: "Treasurer" })).toMatchObject({ ok: false, code: "forbidden" });
  });
});
