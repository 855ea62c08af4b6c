import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, expect, it, vi } from "vitest";
import { moveFiles } from "./restore-backup";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ms-restore-move-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

it("puts restored files on disk before their names, and their folders after", () => {
  const root = path.join(tmp, "uploads");
  const staging = `${root}.restoring`;
  fs.mkdirSync(path.join(staging, "people/7"), { recursive: true });
  fs.writeFileSync(path.join(staging, "people/7/photo.jpg"), "face");
  const synced: string[] = [];
  const fsyncSync = fs.fsyncSync;
  vi.spyOn(fs, "fsyncSync").mockImplementation((fd) => {
    synced.push(fs.readlinkSync(`/proc/self/fd/${fd}`));
    fsyncSync(fd);
  });
  moveFiles(staging, root, ["people/7/photo.jpg"]);
  expect(synced).toEqual([path.join(staging, "people/7/photo.jpg"), path.join(root, "people/7"), path.join(root, "people"), root]);
  expect(fs.readFileSync(path.join(root, "people/7/photo.jpg"), "utf8")).toBe("face");
});
