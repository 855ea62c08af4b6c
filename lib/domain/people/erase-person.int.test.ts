import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translator } from "@/lib/i18n/translate";
import {
  accounts,
  addressTypes,
  auditLog,
  cards,
  equipmentAuthorizations,
  interventions,
  loginAttempts,
  machines,
  mailOptOuts,
  membershipStatuses,
  oidcClients,
  oidcConsents,
  oidcLogoutDeliveries,
  people,
  profiles,
  usageSessions,
} from "@/lib/db/schema";
import { addAddress, addressesOf, shareAddress } from "./address-service";
import { eraseAndCheck } from "./testing/erase-check";
import { localFileStorage } from "@/lib/storage/file-storage";
import { photoFileKey } from "@/lib/storage/photos";
import { erasePerson } from "./erase-person";
import { setPersonPhoto } from "./person-photo";
import { exportPersonData, personExportToXlsx } from "./export-person";
import { changeStatus, updateProfile } from "./person-service";
import { setPartner } from "./profile-settings";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";

let t: DemoDatabase;
let photoDir = "";
beforeAll(async () => {
  t = await createDemoDatabase();
  photoDir = fs.mkdtempSync(path.join(os.tmpdir(), "ms-photos-"));
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(photoDir, { recursive: true, force: true });
});

/** Every text, varchar and jsonb column of every table that contains one of the needles (case-insensitive). */
async function findEverywhere(needles: string[]): Promise<string[]> {
  const columns = (await t.db.execute(
    sql`select table_name, column_name from information_schema.columns where table_schema = current_schema() and data_type in ('text', 'character varying', 'jsonb', 'json')`,
  )) as unknown as { table_name: string; column_name: string }[];
  const hits: string[] = [];
  for (const { table_name, column_name } of columns) {
    for (const needle of needles) {
      const rows = (await t.db.execute(
        sql`select 1 from ${sql.identifier(table_name)} where ${sql.identifier(column_name)}::text ilike ${`%${needle}%`} limit 1`,
      )) as unknown[];
      if (rows.length) hits.push(`${table_name}.${column_name} contains ${needle}`);
    }
  }
  return hits;
}

describe("GDPR erasure", () => {
  it("removes every trace of the name, email and card, keeps the record and its history", { timeout: 120_000 }, async () => {
    const mario = t.ids.member;
    const [home] = await t.db.select().from(addressTypes);
    await updateProfile(t.db, mario, mario, {
      firstName: "Mario",
      lastName: "Rossi",
      email: "member@makerspace.local",
      phone: "+43 699 555",
      interests: "Mario Rossi builds robots",
    });
    const photos = localFileStorage(photoDir);
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#c33" } })
      .png()
      .toBuffer();
    expect(await setPersonPhoto(t.db, photos, mario, mario, png)).toEqual({ ok: true });
    const [{ photoPath }] = (await t.db.select({ photoPath: profiles.photoPath }).from(profiles).where(eq(profiles.personId, mario))) as [
      { photoPath: string },
    ];
    const photoFiles = [photoFileKey(photoPath, "thumb"), photoFileKey(photoPath, "display")].map((k) => path.join(photoDir, k));
    expect(photoFiles.every((f) => fs.existsSync(f))).toBe(true);
    const shared = await addAddress(t.db, mario, mario, { typeId: home!.id, street: "Werkgasse 1", city: "Wien" });
    await setPartner(t.db, t.ids.admin, mario, t.ids.maria, true);
    if (shared.ok) await shareAddress(t.db, t.ids.admin, shared.addressId, mario, t.ids.maria);
    await t.db.insert(loginAttempts).values({ email: "member@makerspace.local", ip: "127.0.0.1" });
    await t.db.insert(mailOptOuts).values({ personId: mario, topic: "loans" });
    const [wiki] = await t.db
      .insert(oidcClients)
      .values({
        clientId: "wiki",
        name: "Wiki",
        kind: "public",
        redirectUris: ["https://wiki.example/cb"],
        allowedScopes: ["openid"],
        backchannelLogoutUri: "https://wiki.example/bc",
      })
      .returning();
    await t.db.insert(oidcConsents).values({ personId: mario, clientId: wiki!.id, scopes: ["openid"], fields: ["name"] });
    await changeStatus(t.db, t.ids.admin, mario, {
      statusId: (await t.db.select().from(membershipStatuses).where(eq(membershipStatuses.key, "supporting")))[0]!.id,
      reason: "Mario Rossi asked",
    });
    const authorizationsBefore = await t.db.select().from(equipmentAuthorizations).where(eq(equipmentAuthorizations.personId, mario));
    // His card in use: a session under its uid, and maintenance he did with a note naming him.
    const [card] = await t.db.select().from(cards).where(eq(cards.personId, mario));
    const [machine] = await t.db.select().from(machines).limit(1);
    const start = new Date("2026-10-01T10:00:00Z");
    await t.db.insert(usageSessions).values({
      machineId: machine!.id,
      personId: mario,
      cardUid: card!.uid,
      startedAt: start,
      endedAt: new Date(start.getTime() + 3_600_000),
      durationSeconds: 3600,
      recordedAs: "live",
      lastHeartbeatAt: start,
      openedByEventAt: start,
    });
    await t.db.insert(interventions).values({ machineId: machine!.id, personId: mario, doneAt: start, source: "manual", notes: "Lens cleaned by Mario Rossi" });

    expect(await erasePerson(t.db, t.ids.member, mario, {})).toMatchObject({ code: "forbidden" });
    expect(await erasePerson(t.db, t.ids.admin, mario, { reason: "Request by mail" }, { photos })).toEqual({ ok: true });

    expect(await findEverywhere(["Rossi", "member@makerspace.local", "+43 699 555", card!.uid])).toEqual([]);
    expect((await t.db.select().from(interventions).where(eq(interventions.doneAt, start))).map((i) => [i.personId, i.notes])).toEqual([[null, "[erased]"]]);
    expect((await t.db.select().from(usageSessions).where(eq(usageSessions.personId, mario))).map((u) => [u.cardUid, u.durationSeconds])).toEqual([
      ["00000000", 3600],
    ]);
    const [person] = await t.db.select().from(people).where(eq(people.id, mario));
    expect(person).toMatchObject({ erasedAt: expect.any(Date), memberNumber: expect.any(Number) });
    expect(await t.db.select().from(accounts).where(eq(accounts.personId, mario))).toEqual([]);
    expect(await t.db.select().from(mailOptOuts).where(eq(mailOptOuts.personId, mario))).toEqual([]);
    expect(await t.db.select().from(oidcConsents).where(eq(oidcConsents.personId, mario))).toEqual([]);
    // …after the service was told to log them out (the notice names only the record number).
    expect((await t.db.select().from(oidcLogoutDeliveries).where(eq(oidcLogoutDeliveries.personId, mario))).map((d) => [d.clientId, d.status])).toEqual([
      [wiki!.id, "pending"],
    ]);
    expect(await t.db.select().from(equipmentAuthorizations).where(eq(equipmentAuthorizations.personId, mario))).toHaveLength(authorizationsBefore.length);
    expect((await t.db.select().from(cards).where(eq(cards.personId, mario))).map((c) => c.state)).toEqual(["revoked"]);
    expect(photoFiles.filter((f) => fs.existsSync(f))).toEqual([]);
    // The partner keeps the shared address; the history keeps its shape.
    const history = await t.db.select().from(auditLog).where(eq(auditLog.subjectPersonId, mario));
    expect(history.map((h) => h.changeType)).toEqual(expect.arrayContaining(["profile.update", "person.status", "person.erase"]));
    expect(history.find((h) => h.changeType === "person.status")!.after).toMatchObject({ status: "supporting", reason: "[erased]" });
    expect((await addressesOf(t.db, t.ids.maria)).map((a) => a.street)).toEqual(["Werkgasse 1"]);
    const [maria] = await t.db.select().from(profiles).where(eq(profiles.personId, t.ids.maria));
    expect(maria!.partnerPersonId).toBeNull();
  });

  it("needs explicit confirmation and a reason for a banned person", async () => {
    const [banned] = await t.db.select().from(membershipStatuses).where(eq(membershipStatuses.key, "banned"));
    await changeStatus(t.db, t.ids.admin, t.ids.applicant, { statusId: banned!.id, reason: "Damage" });
    expect(await erasePerson(t.db, t.ids.admin, t.ids.applicant, { reason: "asked" })).toMatchObject({
      ok: false,
      code: "needs_confirmation",
      field: "confirmBanned",
    });
    expect(await erasePerson(t.db, t.ids.admin, t.ids.applicant, { confirmBanned: true })).toMatchObject({
      ok: false,
      code: "needs_confirmation",
      field: "reason",
    });
    expect(await t.db.select().from(profiles).where(eq(profiles.personId, t.ids.applicant))).toHaveLength(1);
    expect(await eraseAndCheck(t.db, t.ids.admin, t.ids.applicant)).toEqual({ ok: true });
    const [person] = await t.db.select().from(people).where(eq(people.id, t.ids.applicant));
    expect(person!.statusId).toBe(banned!.id); // still banned, still refused
  });

  it("reports the erasure as done when the photo files cannot be removed afterwards, and logs it", async () => {
    const who = t.ids.trainer;
    const photos = localFileStorage(photoDir);
    const png = await sharp({ create: { width: 20, height: 20, channels: 3, background: "#3c3" } })
      .png()
      .toBuffer();
    expect(await setPersonPhoto(t.db, photos, who, who, png)).toEqual({ ok: true });
    const broken = { ...photos, delete: async () => Promise.reject(new Error("storage down")) };
    const warned: unknown[] = [];
    const logger = { warn: (obj: unknown) => void warned.push(obj) };
    expect(await erasePerson(t.db, t.ids.admin, who, { reason: "Request by mail", confirmBanned: true }, { photos: broken, logger: logger as never })).toEqual({
      ok: true,
    });
    expect(warned).toHaveLength(1);
    expect((await t.db.select().from(people).where(eq(people.id, who)))[0]!.erasedAt).toEqual(expect.any(Date));
  });
});

describe("right of access", () => {
  it("exports one person's data as JSON and XLSX, to themselves or the board only", async () => {
    expect(await exportPersonData(t.db, t.ids.trainer, t.ids.maria)).toMatchObject({ code: "forbidden" });
    const r = await exportPersonData(t.db, t.ids.maria, t.ids.maria);
    if (!r.ok) throw new Error(r.message);
    expect(r.data.profile).toMatchObject({ firstName: "Maria", email: "maria@makerspace.local" });
    expect(r.data.addresses).toHaveLength(1);
    expect(r.data.cards).toEqual([expect.objectContaining({ uid: "c0000003" })]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await personExportToXlsx(r.data, translator("en"))) as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toContain("Profile");
    const profile = book.getWorksheet("Profile")!;
    expect(profile.getSheetValues().flat()).toContain("maria@makerspace.local");
  });
});
