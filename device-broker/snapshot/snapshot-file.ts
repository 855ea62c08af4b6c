import { createHash } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import type { Logger } from "pino";
import type { AuthorizationFact } from "@/lib/domain/machine-access/decide-machine-use";
import type { CardSnap, MachineSnap, SnapshotData } from "./load-snapshot";

/**
 * The last good decision snapshot on disk (<DATA_DIR>/broker/snapshot.json), so a broker that starts while the
 * database is down can still answer swipes. Holds only what decisions need: card uids, person ids and states,
 * authorizations, machines (with their board login hashes and pairings, so boards can connect) — no names.
 * Bump the version whenever the shape changes: a file from another version is ignored, never half-read.
 */
export const SNAPSHOT_FILE_VERSION = 2;

export interface SavedSnapshot {
  data: SnapshotData;
  savedAt: Date;
}

interface FileAuth {
  level: AuthorizationFact["level"];
  grantedAt: number;
  expiresAt: number | null;
  revokedAt: number | null;
}

interface SnapshotFile {
  schemaVersion: number;
  savedAt: string;
  machines: MachineSnap[];
  cards: [string, CardSnap[]][];
  people: [number, boolean][];
  adminsByRole: number[];
  systemAuths: [number, FileAuth[]][];
  auths: [string, FileAuth[]][];
  lastUse: [string, number][];
}

export const snapshotFilePath = (dataDir: string) => path.join(dataDir, "broker", "snapshot.json");

const toFileAuth = (a: AuthorizationFact): FileAuth => ({
  level: a.level,
  grantedAt: a.grantedAt.getTime(),
  expiresAt: a.expiresAt?.getTime() ?? null,
  revokedAt: a.revokedAt?.getTime() ?? null,
});
const fromFileAuth = (a: FileAuth): AuthorizationFact => ({
  level: a.level,
  grantedAt: new Date(a.grantedAt),
  expiresAt: a.expiresAt === null ? null : new Date(a.expiresAt),
  revokedAt: a.revokedAt === null ? null : new Date(a.revokedAt),
});
const mapEntries = <K, V, W>(map: Map<K, V>, f: (v: V) => W): [K, W][] => [...map].map(([k, v]) => [k, f(v)]);

export function encodeSnapshot(data: SnapshotData, savedAt = new Date()): string {
  const file: SnapshotFile = {
    schemaVersion: SNAPSHOT_FILE_VERSION,
    savedAt: savedAt.toISOString(),
    machines: [...data.machinesById.values()],
    cards: [...data.cards],
    // Names stay out of the file: a decision does not need them (the board then shows "Member").
    people: mapEntries(data.people, (p) => p.mayUseMachines),
    adminsByRole: [...data.adminsByRole],
    systemAuths: mapEntries(data.systemAuths, (list) => list.map(toFileAuth)),
    auths: mapEntries(data.auths, (list) => list.map(toFileAuth)),
    lastUse: mapEntries(data.lastUse, (d) => d.getTime()),
  };
  return JSON.stringify(file);
}

/** Throws on anything that is not a whole file of this version. */
export function decodeSnapshot(text: string): SavedSnapshot {
  const file = JSON.parse(text) as Partial<SnapshotFile>;
  if (file?.schemaVersion !== SNAPSHOT_FILE_VERSION) throw new VersionMismatch(String(file?.schemaVersion));
  const savedAt = new Date(file.savedAt!);
  if (Number.isNaN(savedAt.getTime())) throw new Error("no savedAt");
  const machinesById = new Map<number, MachineSnap>();
  const machinesByBoard = new Map<number, MachineSnap>();
  // Saved in id order, as loaded: the first machine with a board id wins, as in loadSnapshot.
  for (const m of file.machines!) {
    machinesById.set(m.id, m);
    if (m.boardId !== -1 && !machinesByBoard.has(m.boardId)) machinesByBoard.set(m.boardId, m);
  }
  const data: SnapshotData = {
    machinesById,
    machinesByBoard,
    cards: new Map(file.cards!),
    people: new Map(file.people!.map(([id, mayUseMachines]) => [id, { mayUseMachines, firstName: "" }])),
    adminsByRole: new Set(file.adminsByRole!),
    systemAuths: new Map(file.systemAuths!.map(([id, list]) => [id, list.map(fromFileAuth)])),
    auths: new Map(file.auths!.map(([key, list]) => [key, list.map(fromFileAuth)])),
    lastUse: new Map(file.lastUse!.map(([key, at]) => [key, new Date(at)])),
  };
  return { data, savedAt };
}

class VersionMismatch extends Error {}

/** The saved snapshot, or null (missing, corrupt or from another version — the last two logged). */
export function readSnapshotFile(file: string, logger: Logger): SavedSnapshot | null {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") logger.warn({ err: error, file }, "saved decision snapshot not readable; ignored");
    return null;
  }
  try {
    return decodeSnapshot(text);
  } catch (error) {
    if (error instanceof VersionMismatch) {
      logger.warn({ file, found: error.message, expected: SNAPSHOT_FILE_VERSION }, "saved decision snapshot is from another version; ignored");
    } else {
      logger.warn({ file, err: (error as Error).message }, "saved decision snapshot is corrupt; ignored");
    }
    return null;
  }
}

/**
 * Writes the snapshot atomically (temp file, fsync, rename, fsync of the directory), mode 0600; skips the write
 * when the content is what was written last. Async, so an fsync never holds up a swipe. Returns the digest.
 */
export async function writeSnapshotFile(file: string, data: SnapshotData, lastDigest?: string): Promise<string> {
  const text = encodeSnapshot(data);
  // The digest ignores savedAt: an unchanged snapshot is not rewritten every 30 s.
  const digest = createHash("sha256")
    .update(text.replace(/"savedAt":"[^"]*"/, ""))
    .digest("hex");
  if (digest === lastDigest) return digest;
  const dir = path.dirname(file);
  await fsp.mkdir(dir, { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.tmp`;
  const handle = await fsp.open(temp, "w", 0o600);
  try {
    await handle.chmod(0o600); // an existing temp file keeps its old mode on open
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fsp.rename(temp, file);
  const dirHandle = await fsp.open(dir, "r");
  try {
    await dirHandle.sync();
  } finally {
    await dirHandle.close();
  }
  return digest;
}
