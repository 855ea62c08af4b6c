import fs from "node:fs";
import path from "node:path";
import { parseBackupFileName, type BackupReason } from "./format";

export interface BackupFile {
  name: string;
  file: string;
  at: Date;
  reason: BackupReason;
  bytes: number;
}

/** Backups in dir, newest first; other files are ignored. */
export function listBackups(dir: string): BackupFile[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const out: BackupFile[] = [];
  for (const name of names) {
    const parsed = parseBackupFileName(name);
    if (!parsed) continue;
    const file = path.join(dir, name);
    out.push({ name, file, ...parsed, bytes: fs.statSync(file).size });
  }
  return out.sort(newestFirst);
}

/** By time; of two backups of the same millisecond the one with the higher number (the longer name) came later. */
const newestFirst = (a: BackupFile, b: BackupFile) =>
  b.at.getTime() - a.at.getTime() || b.name.length - a.name.length || (b.name > a.name ? 1 : b.name < a.name ? -1 : 0);

/** Monday-based week number since the epoch, so weeks compare without calendar quirks. */
const weekOf = (d: Date) => Math.floor((d.getTime() / 86_400_000 + 3) / 7);
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Which backups to keep: the newest of each of the last `daily` days that have one, the newest of each of the
 * last `weekly` weeks, the last `preUpgrade` backups taken before a schema upgrade, and the last `manual` ones taken
 * by hand (a second `npm run backup` on a day never deletes the first). The rest can go.
 */
export function backupsToDelete(backups: BackupFile[], keep: { daily: number; weekly: number; preUpgrade?: number; manual?: number }): BackupFile[] {
  const sorted = [...backups].sort(newestFirst);
  const kept = new Set<string>();
  const days = new Set<string>();
  const weeks = new Set<number>();
  let upgrades = 0;
  let manuals = 0;
  for (const b of sorted) {
    if (b.reason === "manual" && manuals++ < (keep.manual ?? 5)) kept.add(b.name);
    if (b.reason === "pre-upgrade") {
      if (upgrades++ < (keep.preUpgrade ?? 3)) kept.add(b.name);
      continue;
    }
    if (!days.has(dayOf(b.at)) && days.size < keep.daily) {
      days.add(dayOf(b.at));
      kept.add(b.name);
    }
    if (!weeks.has(weekOf(b.at)) && weeks.size < keep.weekly) {
      weeks.add(weekOf(b.at));
      kept.add(b.name);
    }
  }
  return sorted.filter((b) => !kept.has(b.name));
}

export function pruneBackups(dir: string, keep: { daily: number; weekly: number; preUpgrade?: number; manual?: number }): string[] {
  const doomed = backupsToDelete(listBackups(dir), keep);
  for (const b of doomed) fs.rmSync(b.file, { force: true });
  return doomed.map((b) => b.name);
}
