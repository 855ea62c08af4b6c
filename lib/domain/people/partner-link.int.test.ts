import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, people } from "@/lib/db/schema";
import { addAddress, addressesOf, shareAddress, updateAddress } from "./address-service";
import { findPersonByRef, linkPartnerByRef, partnerOf } from "./partner-link";
import { setPartner } from "./profile-settings";
import { listAddressTypes } from "./reference-service";
import { createPeopleFixture, type PeopleFixture } from "./testing/people-fixture";

let t: PeopleFixture;
beforeAll(async () => {
  t = await createPeopleFixture();
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
    expect(await linkPartnerByRef(t.db, t.ids.admin, t.ids.member, "nobody@example.org", true)).toMatchObject({ ok: false, code: "not_found", field: "partner" });
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
    expect((await addressesOf(t.db, t.ids.member)).find((a) => a.addressId === added.addressId)).toMatchObject({ street: "Hofgasse 3", sharedWith: [t.ids.maria] });

    expect(await setPartner(t.db, t.ids.admin, t.ids.member, null)).toEqual({ ok: true });
    expect(await partnerOf(t.db, t.ids.member)).toBeNull();
    expect(await partnerOf(t.db, t.ids.maria)).toBeNull();
  });

  it("records an audit entry for a previous partner unlinked by a new link", async () => {
    expect(await setPartner(t.db, t.ids.admin, t.ids.member, t.ids.maria)).toEqual({ ok: true });
    expect(await setPartner(t.db, t.ids.admin, t.ids.member, t.ids.trainer)).toEqual({ ok: true });
    expect(await partnerOf(t.db, t.ids.maria)).toBeNull();
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.subjectPersonId, t.ids.maria));
    expect(entries).toEqual(expect.arrayContaining([expect.objectContaining({ changeType: "profile.partner", before: { partnerPersonId: t.ids.member, partnerMayEdit: false }, after: { partnerPersonId: null, partnerMayEdit: false } })]));
  });
});
