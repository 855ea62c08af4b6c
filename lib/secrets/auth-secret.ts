import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { syncPath } from "@/lib/fs/sync-path";

/** The auth secret in DATA_DIR cannot be read or made; the message says where, what is wrong and what to do. */
export class AuthSecretError extends Error {
  override name = "AuthSecretError";
}

/**
 * AUTH_SECRET signs session cookies. When none is configured, one is generated on first start and kept in
 * DATA_DIR (never in the repository) so sessions survive restarts.
 */
export function loadOrCreateAuthSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
  try {
    const existing = fs.readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw new AuthSecretError(explain(error, "read", file, dataDir));
  }
  const secret = randomBytes(32).toString("base64url");
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    // A temporary file, on disk, then renamed and the folder synced: a power cut leaves no secret or the whole one,
    // never an empty file that the next start silently replaces (everyone signed out).
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, `${secret}\n`, { mode: 0o600 });
    syncPath(temporary);
    fs.renameSync(temporary, file);
    syncPath(dataDir);
  } catch (error) {
    fs.rmSync(`${file}.${process.pid}.tmp`, { force: true });
    throw new AuthSecretError(explain(error, "created", file, dataDir));
  }
  return secret;
}

/** What went wrong with the secret's file, in words, and what the admin can do about it. */
function explain(error: unknown, doing: "read" | "created", file: string, dataDir: string): string {
  const { code, message } = error as NodeJS.ErrnoException;
  const start = `The auth secret ${file} could not be ${doing}`;
  const orSet = "or set AUTH_SECRET (e.g. `openssl rand -base64 32`) in the environment.";
  switch (code) {
    case "EISDIR":
      return `${start}: it is a folder, not a file. Move the folder away (a new secret is then made, and everyone signs in again), ${orSet}`;
    case "EACCES":
    case "EPERM":
      return `${start}: permission denied for the user ${whoami()}. Run the system as the user that owns ${dataDir}, or give it that folder (chown -R), ${orSet}`;
    case "ENOTDIR":
    case "EEXIST":
      return `${start}: a part of the path ${dataDir} is a file, not a folder. Point DATA_DIR at a folder, ${orSet}`;
    case "ENOENT":
      return `${start}: the folder ${dataDir} does not exist and could not be made. Create it, or point DATA_DIR at an existing folder, ${orSet}`;
    case "EROFS":
      return `${start}: ${dataDir} is on a read-only file system. Point DATA_DIR at a writable folder, ${orSet}`;
    case "ENOSPC":
      return `${start}: the disk holding ${dataDir} is full. Free some space, ${orSet}`;
    default:
      return `${start} (${code ?? message}). Check ${file} and its folder, ${orSet}`;
  }
}

function whoami(): string {
  try {
    return os.userInfo().username;
  } catch {
    return `with uid ${process.getuid?.() ?? "?"}`;
  }
}
