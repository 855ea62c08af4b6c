import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { things } from "@/lib/db/schema";
import { localFileStorage } from "@/lib/storage/file-storage";
import { MAX_PHOTO_BYTES, photoFileKey } from "@/lib/storage/photos";
import { setThingPhoto } from "./thing-photo";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { createThing } from "./things";

let t: DemoDatabase;
let ids: Record<string, number>;
let dir: string;
let thingId: number;

beforeAll(async () => {
  t = await createDemoDatabase();
  ids = t.ids;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ms-photos-"));
  const r = await createThing(t.db, ids.admin!, { name: "Lathe" });
  if (!r.ok) throw new Error(r.message);
  thingId = r.id;
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await t?.close();
});

const photoKeyOf = async () => (await t.db.select().from(things).where(eq(things.id, thingId)))[0]!.photoKey;

describe("thing photos", () => {
  it("stores a thumbnail and a display size of a real image", async () => {
    const storage = localFileStorage(dir);
    const jpeg = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: "#3366aa" } })
      .jpeg()
      .toBuffer();
    expect(await setThingPhoto(t.db, storage, ids.admin!, thingId, jpeg)).toEqual({ ok: true });
    const key = (await photoKeyOf())!;
    const thumb = await sharp((await storage.get(photoFileKey(key, "thumb")))!).metadata();
    const display = await sharp((await storage.get(photoFileKey(key, "display")))!).metadata();
    expect([thumb.format, thumb.width, thumb.height]).toEqual(["webp", 240, 160]);
    expect([display.width, display.height]).toEqual([1200, 800]);
  });

  it("refuses a file that is not an image, and an oversized one, keeping the old photo", async () => {
    const storage = localFileStorage(dir);
    const before = await photoKeyOf();
    const files = () => fs.readdirSync(path.join(dir, "things")).sort();
    const existing = files();
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n");
    expect(await setThingPhoto(t.db, storage, ids.admin!, thingId, pdf)).toMatchObject({ ok: false, code: "photo_not_image" });
    const huge = Buffer.alloc(MAX_PHOTO_BYTES + 1, 0xff);
    const refused = await setThingPhoto(t.db, storage, ids.admin!, thingId, huge);
    expect(refused).toMatchObject({ ok: false, code: "photo_too_large" });
    if (!refused.ok) expect(refused.message).toMatch(/10 MB/);
    expect(await photoKeyOf()).toBe(before);
    expect(files()).toEqual(existing);
  });

  it("replaces a photo and removes the old files; members may not", async () => {
    const storage = localFileStorage(dir);
    const old = (await photoKeyOf())!;
    const png = await sharp({ create: { width: 100, height: 300, channels: 4, background: "#ff000080" } })
      .png()
      .toBuffer();
    expect(await setThingPhoto(t.db, storage, ids.member!, thingId, png)).toMatchObject({ code: "forbidden" });
    expect(await setThingPhoto(t.db, storage, ids.admin!, thingId, png)).toEqual({ ok: true });
    expect(await storage.get(photoFileKey(old, "thumb"))).toBeNull();
    expect(await photoKeyOf()).not.toBe(old);
  });
});
