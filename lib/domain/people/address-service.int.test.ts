import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addresses, addressTypes, auditLog } from "@/lib/db/schema";
import { addAddress, addressesOf, mayEditAddress, removeAddress, setMainAddress, shareAddress, updateAddress } from "./address-service";
import { partnerOf, setPartnerConsent } from "./partner-link";
import { setPartner } from "./profile-settings";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";

let t: DemoDatabase;
let home = 0;
let work = 0;
beforeAll(async () => {
  t = await createDemoDatabase();
  const types = await t.db.select().from(addressTypes);
  home = types.find((x) => x.key === "home")!.id;
  work = types.find((x) => x.key === "work")!.id;
});
afterAll(() => t?.close());

const mayEditAddressOf = (actorId: number, addressId: number) => mayEditAddress(t.db, actorId, addressId);
const mainOf = async (personId: number) => (await addressesOf(t.db, personId)).filter((a) => a.isMain).map((a) => a.city);

describe("addresses", () => {
  it("the first address is the main one; a new main one replaces it; never two", async () => {
    const a = await addAddress(t.db, t.ids.member, t.ids.member, { typeId: home, street: "Hauptstraße 1", postalCode: "1010", city: "Wien" });
    expect(a.ok).toBe(true);
    expect(await mainOf(t.ids.member)).toEqual(["Wien"]);
    await addAddress(t.db, t.ids.member, t.ids.member, { typeId: work, street: "Werkstraße 2", city: "Graz" });
    expect(await mainOf(t.ids.member)).toEqual(["Wien"]);
    await addAddress(t.db, t.ids.member, t.ids.member, { typeId: work, street: "Uni 3", city: "Linz", isMain: true });
    expect(await mainOf(t.ids.member)).toEqual(["Linz"]);
    const graz = (await addressesOf(t.db, t.ids.member)).find((x) => x.city === "Graz")!;
    expect(await setMainAddress(t.db, t.ids.member, t.ids.member, graz.addressId)).toEqual({ ok: true });
    expect(await mainOf(t.ids.member)).toEqual(["Graz"]);
  });

  it("removing the main address makes another one main; the last one may go", async () => {
    const [main] = (await addressesOf(t.db, t.ids.member)).filter((x) => x.isMain);
    await removeAddress(t.db, t.ids.member, t.ids.member, main!.addressId);
    expect(await mainOf(t.ids.member)).toHaveLength(1);
    expect(await t.db.select().from(addresses).where(eq(addresses.id, main!.addressId))).toEqual([]);
    for (const a of await addressesOf(t.db, t.ids.member)) await removeAddress(t.db, t.ids.member, t.ids.member, a.addressId);
    expect(await addressesOf(t.db, t.ids.member)).toEqual([]);
  });

  it("refuses bad input and strangers", async () => {
    expect(await addAddress(t.db, t.ids.member, t.ids.member, { typeId: home, street: "", city: "Wien" })).toMatchObject({ ok: false, field: "street" });
    expect(await addAddress(t.db, t.ids.member, t.ids.member, { typeId: 9999, street: "x", city: "Wien" })).toMatchObject({ ok: false, field: "typeId" });
    expect(await addAddress(t.db, t.ids.maria, t.ids.member, { typeId: home, street: "x", city: "Wien" })).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("partners share one row: one edit moves both, and each gets a history entry", async () => {
    await setPartner(t.db, t.ids.admin, t.ids.member, t.ids.maria, true);
    const a = await addAddress(t.db, t.ids.member, t.ids.member, { typeId: home, street: "Gasse 5", city: "Wien" });
    if (!a.ok) throw new Error(a.message);
    // Maria may act on Mario's shared data because the admin allowed it.
    expect(await shareAddress(t.db, t.ids.maria, a.addressId, t.ids.member, t.ids.maria)).toEqual({ ok: true });
    expect(await updateAddress(t.db, t.ids.maria, t.ids.maria, a.addressId, { street: "Neue Gasse 7", city: "Salzburg" })).toEqual({ ok: true });
    for (const id of [t.ids.member, t.ids.maria]) {
      const [addr] = await addressesOf(t.db, id);
      expect(addr).toMatchObject({ street: "Neue Gasse 7", city: "Salzburg", isMain: true });
      const entries = await t.db.select().from(auditLog).where(eq(auditLog.subjectPersonId, id));
      expect(entries.some((e) => e.changeType === "address.update" && (e.after as { city: string }).city === "Salzburg")).toBe(true);
    }
    // Removing it from one partner keeps the row for the other.
    await removeAddress(t.db, t.ids.maria, t.ids.maria, a.addressId);
    expect(await mainOf(t.ids.member)).toEqual(["Salzburg"]);
    expect(await mainOf(t.ids.maria)).toEqual([]);
  });

  it("without the admin's permission a partner may not edit", async () => {
    await setPartner(t.db, t.ids.admin, t.ids.member, t.ids.maria, false);
    expect(await addAddress(t.db, t.ids.maria, t.ids.member, { typeId: home, street: "x", city: "y" })).toMatchObject({ code: "forbidden" });
  });

  it("a shared row is edited by either partner only where the admin allowed it; an admin always may", async () => {
    await setPartner(t.db, t.ids.admin, t.ids.member, t.ids.maria, true);
    const a = await addAddress(t.db, t.ids.member, t.ids.member, { typeId: work, street: "Hof 1", city: "Krems" });
    if (!a.ok) throw new Error(a.message);
    await shareAddress(t.db, t.ids.admin, a.addressId, t.ids.member, t.ids.maria);
    // Allowed: Maria edits it on Mario's record; both see it.
    expect(await updateAddress(t.db, t.ids.maria, t.ids.member, a.addressId, { street: "Hof 2", city: "Krems" })).toEqual({ ok: true });
    expect(await mayEditAddressOf(t.ids.maria, a.addressId)).toBe(true);
    await setPartner(t.db, t.ids.admin, t.ids.member, t.ids.maria, false);
    // Not allowed: neither on Mario's record nor through her own holding of the same row (it would move Mario too).
    expect(await updateAddress(t.db, t.ids.maria, t.ids.member, a.addressId, { street: "Hof 3", city: "Krems" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await updateAddress(t.db, t.ids.maria, t.ids.maria, a.addressId, { street: "Hof 3", city: "Krems" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await mayEditAddressOf(t.ids.maria, a.addressId)).toBe(false);
    expect((await addressesOf(t.db, t.ids.member)).find((x) => x.addressId === a.addressId)).toMatchObject({ street: "Hof 2" });
    // The same holds for Mario: the shared row is Maria's address too. An admin may; bad input names the field.
    expect(await updateAddress(t.db, t.ids.member, t.ids.member, a.addressId, { street: "Hof 3", city: "Krems" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await updateAddress(t.db, t.ids.admin, t.ids.maria, a.addressId, { street: "", city: "Krems" })).toMatchObject({
      ok: false,
      code: "invalid",
      field: "street",
    });
    expect(await updateAddress(t.db, t.ids.admin, t.ids.maria, a.addressId, { street: "Hof 4", city: "Krems" })).toEqual({ ok: true });
    expect((await addressesOf(t.db, t.ids.member)).find((x) => x.addressId === a.addressId)).toMatchObject({ street: "Hof 4" });
    // Unshared addresses stay the owner's own business.
    const own = await addAddress(t.db, t.ids.member, t.ids.member, { typeId: work, street: "Solo 1", city: "Wels" });
    if (!own.ok) throw new Error(own.message);
    expect(await updateAddress(t.db, t.ids.member, t.ids.member, own.addressId, { street: "Solo 2", city: "Wels" })).toEqual({ ok: true });
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(a.addressId)));
    expect(audits.filter((e) => e.changeType === "address.update")).toHaveLength(4);
  });

  it("partners edit each other's data only while both agree; either may withdraw; only their own agreement", async () => {
    await setPartner(t.db, t.ids.admin, t.ids.member, t.ids.maria, false);
    const tryAdd = (actor: number, of: number) => addAddress(t.db, actor, of, { typeId: work, street: "Consent 1", city: "Graz" });
    expect(await setPartnerConsent(t.db, t.ids.member, true)).toEqual({ ok: true });
    expect(await partnerOf(t.db, t.ids.member)).toMatchObject({ iAgree: true, partnerAgrees: false, mayEdit: false });
    // One agreement is not enough, in either direction.
    expect(await tryAdd(t.ids.maria, t.ids.member)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await tryAdd(t.ids.member, t.ids.maria)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await setPartnerConsent(t.db, t.ids.maria, true)).toEqual({ ok: true });
    expect(await partnerOf(t.db, t.ids.maria)).toMatchObject({ iAgree: true, partnerAgrees: true, mayEdit: true });
    expect(await tryAdd(t.ids.maria, t.ids.member)).toMatchObject({ ok: true });
    expect(await tryAdd(t.ids.member, t.ids.maria)).toMatchObject({ ok: true });
    // Maria withdraws: neither may edit the other's any more.
    expect(await setPartnerConsent(t.db, t.ids.maria, false)).toEqual({ ok: true });
    expect(await tryAdd(t.ids.maria, t.ids.member)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await tryAdd(t.ids.member, t.ids.maria)).toMatchObject({ ok: false, code: "forbidden" });
    // Someone without a partner has nothing to agree to; each change is in the person's history.
    expect(await setPartnerConsent(t.db, t.ids.trainer, true)).toMatchObject({ ok: false, code: "not_found" });
    const history = await t.db.select().from(auditLog).where(eq(auditLog.changeType, "profile.partner_consent"));
    expect(history.map((h) => [h.subjectPersonId, h.after])).toEqual([
      [t.ids.member, { partnerMayEdit: true }],
      [t.ids.maria, { partnerMayEdit: true }],
      [t.ids.maria, { partnerMayEdit: false }],
    ]);
  });
});
