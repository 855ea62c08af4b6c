import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localFileStorage } from "@/lib/storage/file-storage";
import { photoFileKey } from "@/lib/storage/photos";
import { demoWorld, type DemoWorld } from "../training/testing/training-fixture";
import { getMachine, listMachines } from "./machine-service";
import { setMachinePhoto } from "./machine-photo";

let w: DemoWorld;
let dir: string;
beforeAll(async () => {
  w = await demoWorld();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ms-machine-photos-"));
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await w?.t.close();
});

describe("machine photos", () => {
  it("stores both sizes, replaces the old files, and refuses non-images and non-managers", async () => {
    const storage = localFileStorage(dir);
    const [laser] = await listMachines(w.t.db);
    const png = await sharp({ create: { width: 1600, height: 800, channels: 3, background: "#aa3366" } })
      .png()
      .toBuffer();
    expect(await setMachinePhoto(w.t.db, storage, w.ids.member, laser!.id, png)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await setMachinePhoto(w.t.db, storage, w.ids.admin, laser!.id, png)).toEqual({ ok: true });
    const first = (await getMachine(w.t.db, laser!.id))!.photoPath!;
    expect((await sharp((await storage.get(photoFileKey(first, "thumb")))!).metadata()).width).toBe(240);

    expect(await setMachinePhoto(w.t.db, storage, w.ids.admin, laser!.id, Buffer.from("not a picture"))).toMatchObject({ ok: false, code: "photo_not_image" });
    expect((await getMachine(w.t.db, laser!.id))!.photoPath).toBe(first);

    expect(await setMachinePhoto(w.t.db, storage, w.ids.admin, laser!.id, png)).toEqual({ ok: true });
    const second = (await getMachine(w.t.db, laser!.id))!.photoPath!;
    expect(second).not.toBe(first);
    expect(await storage.get(photoFileKey(first, "display"))).toBeNull();
    expect(fs.readdirSync(path.join(dir, "machines")).sort()).toEqual([`${second.slice(9)}-display.webp`, `${second.slice(9)}-thumb.webp`]);
    expect(await setMachinePhoto(w.t.db, storage, w.ids.admin, 999_999, png)).toMatchObject({ ok: false, code: "not_found" });
  });
});
