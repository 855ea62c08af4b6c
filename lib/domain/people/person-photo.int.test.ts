import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, profiles } from "@/lib/db/schema";
import { permissionsOfPerson } from "../access/person-permissions";
import { localFileStorage } from "@/lib/storage/file-storage";
import { MAX_PHOTO_BYTES, photoFileKey } from "@/lib/storage/photos";
import { viewPerson } from "./directory";
import { removePersonPhoto, setPersonPhoto } from "./person-photo";
import { setVisibility } from "./profile-settings";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";

let t: DemoDatabase;
let dir = "";
beforeAll(async () => {
  t = await createDemoDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ms-person-photos-"));
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await t?.close();
});

const photoOf = async (id: number) => (await t.db.select({ p: profiles.photoPath }).from(profiles).where(eq(profiles.personId, id)))[0]!.p;
const filesOf = (key: string) => (["thumb", "display"] as const).map((s) => path.join(dir, photoFileKey(key, s)));
const image = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: "#3a6" } })
    .jpeg()
    .toBuffer();

describe("profile photo", () => {
  it("is set by the person or the board, resized to webp, replaced and removed with its files", async () => {
    const storage = localFileStorage(dir);
    const me = t.ids.member;
    expect(await setPersonPhoto(t.db, storage, t.ids.maria, me, await image(10, 10))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await setPersonPhoto(t.db, storage, me, me, Buffer.from("%PDF-1.4 not a photo"))).toMatchObject({ ok: false, code: "invalid", field: "photo" });
    expect(await setPersonPhoto(t.db, storage, me, me, Buffer.alloc(0))).toMatchObject({ ok: false, field: "photo" });
    expect(await setPersonPhoto(t.db, storage, me, me, Buffer.alloc(MAX_PHOTO_BYTES + 1))).toMatchObject({
      ok: false,
      code: "photo_too_large",
      field: "photo",
    });
    expect(fs.existsSync(path.join(dir, "people"))).toBe(false);

    expect(await setPersonPhoto(t.db, storage, me, me, await image(3000, 2000))).toEqual({ ok: true });
    const first = (await photoOf(me))!;
    expect(first).toMatch(new RegExp(`^people/${me}-[0-9a-f]{12}$`));
    const display = await sharp(fs.readFileSync(filesOf(first)[1]!)).metadata();
    expect([display.format, display.width, display.height]).toEqual(["webp", 1200, 800]);

    expect(await setPersonPhoto(t.db, storage, t.ids.admin, me, await image(50, 50))).toEqual({ ok: true });
    const second = (await photoOf(me))!;
    expect(second).not.toBe(first);
    expect(filesOf(first).some((f) => fs.existsSync(f))).toBe(false);
    expect(filesOf(second).every((f) => fs.existsSync(f))).toBe(true);

    expect(await removePersonPhoto(t.db, storage, t.ids.maria, me)).toMatchObject({ code: "forbidden" });
    expect(await removePersonPhoto(t.db, storage, me, me)).toEqual({ ok: true });
    expect(await photoOf(me)).toBeNull();
    expect(filesOf(second).some((f) => fs.existsSync(f))).toBe(false);
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectPersonId, me), eq(auditLog.changeType, "profile.photo")));
    expect(entries.map((e) => e.actorId)).toEqual([me, t.ids.admin, me]);
  });

  it("is shown to exactly the viewers the photo field's visibility allows (the photo route asks viewPerson)", async () => {
    const storage = localFileStorage(dir);
    const me = t.ids.member;
    expect(await setPersonPhoto(t.db, storage, me, me, await image(20, 20))).toEqual({ ok: true });
    const key = await photoOf(me);
    const photoFor = async (who: "admin" | "maria" | null) => {
      const viewer = who
        ? { personId: t.ids[who], permissions: await permissionsOfPerson(t.db, t.ids[who]) }
        : { personId: null, permissions: new Set<never>() };
      return (await viewPerson(t.db, viewer, me))?.fields.photo;
    };
    // Default: members see it, anonymous visitors do not.
    expect(await photoFor("maria")).toBe(key);
    expect(await photoFor(null)).toBeUndefined();
    expect(await setVisibility(t.db, me, me, { visibility: { photo: "board" }, boardOnly: false })).toEqual({ ok: true });
    expect(await photoFor("maria")).toBeUndefined();
    expect(await photoFor("admin")).toBe(key);
  });
});
