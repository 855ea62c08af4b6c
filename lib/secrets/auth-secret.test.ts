import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, expect, it, vi } from "vitest";
import { AuthSecretError, loadOrCreateAuthSecret } from "./auth-secret";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ms-auth-secret-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

it("is made once and read back", () => {
  const dataDir = path.join(tmp, "fresh");
  const secret = loadOrCreateAuthSecret(dataDir);
  expect(secret.length).toBeGreaterThanOrEqual(32);
  expect(loadOrCreateAuthSecret(dataDir)).toBe(secret);
  expect(fs.statSync(path.join(dataDir, "auth-secret")).mode & 0o777).toBe(0o600);
});

it("is on disk before it takes its name, and its name too (fsync of a temporary file, then of the folder)", () => {
  const dataDir = path.join(tmp, "durable");
  fs.mkdirSync(dataDir);
  const synced: string[] = [];
  const fsyncSync = fs.fsyncSync;
  vi.spyOn(fs, "fsyncSync").mockImplementation((fd) => {
    synced.push(fs.readlinkSync(`/proc/self/fd/${fd}`));
    fsyncSync(fd);
  });
  const secret = loadOrCreateAuthSecret(dataDir);
  const file = path.join(dataDir, "auth-secret");
  expect(synced).toEqual([`${file}.${process.pid}.tmp`, dataDir]);
  expect(fs.readFileSync(file, "utf8").trim()).toBe(secret);
  expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  expect(fs.readdirSync(dataDir)).toEqual(["auth-secret"]);
});

// Each says which file, what is wrong and what to do — not "Error: EISDIR: illegal operation on a directory, read".
it("a folder where the secret should be: says so, and what to do", () => {
  const dataDir = path.join(tmp, "folder");
  fs.mkdirSync(path.join(dataDir, "auth-secret"), { recursive: true });
  const error = catchIt(() => loadOrCreateAuthSecret(dataDir));
  expect(error).toBeInstanceOf(AuthSecretError);
  expect(error.message).toContain(path.join(dataDir, "auth-secret"));
  expect(error.message).toMatch(/is a folder, not a file\. Move the folder away .* or set AUTH_SECRET/);
});

it("a secret this user may not read: says permission denied, for which user, and what to do", () => {
  const dataDir = path.join(tmp, "denied");
  fs.mkdirSync(dataDir);
  fs.writeFileSync(path.join(dataDir, "auth-secret"), "x".repeat(40));
  // Tests may run as root, whom no mode stops: the refusal as the file system gives it.
  vi.spyOn(fs, "readFileSync").mockImplementation(() => {
    throw Object.assign(new Error("EACCES: permission denied, open"), { code: "EACCES" });
  });
  const error = catchIt(() => loadOrCreateAuthSecret(dataDir));
  expect(error.message).toMatch(
    new RegExp(`auth-secret could not be read: permission denied for the user \\S+\\. Run the system as the user that owns ${dataDir}`),
  );
});

it("a DATA_DIR with a file in its path: says which path, and what to do", () => {
  const file = path.join(tmp, "a-file");
  fs.writeFileSync(file, "");
  const dataDir = path.join(file, "data");
  const error = catchIt(() => loadOrCreateAuthSecret(dataDir));
  expect(error.message).toContain(`a part of the path ${dataDir} is a file, not a folder. Point DATA_DIR at a folder`);
});

function catchIt(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error("it did not fail");
}
