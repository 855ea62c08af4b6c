import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, expect, it, vi } from "vitest";
import { localFileStorage } from "./file-storage";

let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "file-storage-"));
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** The paths fsync'd while `run` runs, in order. */
async function syncedDuring(run: () => Promise<void>): Promise<string[]> {
  const synced: string[] = [];
  const fsyncSync = fs.fsyncSync;
  vi.spyOn(fs, "fsyncSync").mockImplementation((fd) => {
    synced.push(fs.readlinkSync(`/proc/self/fd/${fd}`));
    fsyncSync(fd);
  });
  await run();
  return synced;
}

it("puts an upload on disk before it takes its name, and its name too (fsync of the file, then of the folder)", async () => {
  const storage = localFileStorage(root);
  await storage.put("logo/first.png", Buffer.from("one"));
  const synced = await syncedDuring(() => storage.put("logo/space.png", Buffer.from("logo")));
  expect(synced).toEqual([`${path.join(root, "logo/space.png")}.${process.pid}.tmp`, path.join(root, "logo")]);
  expect((await storage.get("logo/space.png"))?.toString()).toBe("logo");
});

it("puts the names of folders it had to make on disk too, up to the one that existed", async () => {
  const storage = localFileStorage(root);
  const synced = await syncedDuring(() => storage.put("people/7/photo.jpg", Buffer.from("face")));
  expect(synced).toEqual([`${path.join(root, "people/7/photo.jpg")}.${process.pid}.tmp`, path.join(root, "people/7"), path.join(root, "people"), root]);
  expect((await storage.get("people/7/photo.jpg"))?.toString()).toBe("face");
});
