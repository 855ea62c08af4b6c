import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing/test-database";
import { buildSpaceApi } from "../community/spaceapi";
import { localFileStorage } from "@/lib/storage/file-storage";
import { logoSrc, MAX_LOGO_BYTES, readSpaceLogo, removeSpaceLogo, setSpaceLogo } from "./space-logo";
import { getSpaceSettings } from "./space-settings";

const ADMIN = { personId: null, permissions: new Set(["system.admin"]) };
let t: TestDatabase;
let dir: string;
const storage = () => localFileStorage(dir);

beforeAll(async () => {
  t = await createTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ms-logo-"));
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const image = (width: number, height: number, format: "png" | "jpeg" = "jpeg") =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    [format]()
    .toBuffer();
const filesUnder = (sub: string) => (fs.existsSync(path.join(dir, sub)) ? fs.readdirSync(path.join(dir, sub)) : []);

describe("space logo", () => {
  it("without an upload: the default icon in the header and in the SpaceAPI", async () => {
    const settings = await getSpaceSettings(t.db);
    expect(logoSrc(settings)).toBe("/icon.svg");
    expect(buildSpaceApi({ settings, baseUrl: "https://space.example", status: null, machines: null }).logo).toBe("https://space.example/icon.svg");
  });

  it("refuses files that are not images, too large, SVG, or from a non-admin", async () => {
    expect(await setSpaceLogo(t.db, storage(), ADMIN, Buffer.from("%PDF-1.4 not an image"))).toMatchObject({ ok: false, code: "logo_not_image" });
    expect(await setSpaceLogo(t.db, storage(), ADMIN, Buffer.alloc(MAX_LOGO_BYTES + 1))).toMatchObject({ ok: false, code: "logo_too_large" });
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
    expect(await setSpaceLogo(t.db, storage(), ADMIN, svg)).toMatchObject({ ok: false, code: "logo_not_image" });
    const member = { personId: 1, permissions: new Set(["directory.read"]) };
    expect(await setSpaceLogo(t.db, storage(), member, await image(100, 100))).toMatchObject({ ok: false, code: "forbidden" });
    expect(filesUnder("space")).toEqual([]);
    expect((await getSpaceSettings(t.db)).logoKey).toBeNull();
  });

  it("stores a resized PNG, serves it at the stable address and names it in the SpaceAPI", async () => {
    expect(await setSpaceLogo(t.db, storage(), ADMIN, await image(2000, 1000))).toEqual({ ok: true });
    const settings = await getSpaceSettings(t.db);
    expect(settings.logoKey).toMatch(/^space\/logo-[0-9a-f]+\.png$/);
    const served = await readSpaceLogo(t.db, storage());
    const meta = await sharp(served!).metadata();
    expect(meta).toMatchObject({ format: "png", width: 512, height: 256 });
    expect(logoSrc(settings)).toMatch(/^\/space-logo\.png\?v=[0-9a-f]+$/);
    const doc = buildSpaceApi({
      settings: { ...settings, logoUrl: "https://elsewhere.example/old.png" },
      baseUrl: "https://space.example",
      status: null,
      machines: null,
    });
    expect(doc.logo).toBe("https://space.example/space-logo.png");
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.changeType, "settings.logo"));
    expect(audits.at(-1)!.after).toEqual({ logoKey: settings.logoKey });
  });

  it("a new upload replaces the old file; removing falls back to the default icon", async () => {
    const first = (await getSpaceSettings(t.db)).logoKey!;
    expect(await setSpaceLogo(t.db, storage(), ADMIN, await image(64, 64, "png"))).toEqual({ ok: true });
    const second = (await getSpaceSettings(t.db)).logoKey!;
    expect(second).not.toBe(first);
    expect(filesUnder("space")).toEqual([second.replace("space/", "")]);
    expect(await removeSpaceLogo(t.db, storage(), ADMIN)).toEqual({ ok: true });
    const settings = await getSpaceSettings(t.db);
    expect(settings.logoKey).toBeNull();
    expect(filesUnder("space")).toEqual([]);
    expect(logoSrc(settings)).toBe("/icon.svg");
    expect(await readSpaceLogo(t.db, storage())).toBeNull();
  });
});
