import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * Released migrations never change: a database that applied 0003 must find the same 0003 in every later version.
 * drizzle/released-migrations.json holds the SHA-256 of each migration's SQL, its snapshot and its journal entry;
 * `npm run lint` checks them (so does a test), and `npm run db:manifest` appends new migrations, never rewriting
 * what is there.
 */
export const migrationsDir = path.join(import.meta.dirname, "migrations");
export const manifestFile = path.join(import.meta.dirname, "released-migrations.json");

export type Manifest = Record<string, string>;

interface JournalEntry {
  idx: number;
  tag: string;
  [key: string]: unknown;
}

const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

/** What the manifest would say about the migrations in `dir` today: file and journal entry → hash. */
export function currentHashes(dir: string): Manifest {
  const hashes: Manifest = {};
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".sql"))) hashes[file] = sha256(fs.readFileSync(path.join(dir, file)));
  const meta = path.join(dir, "meta");
  for (const file of fs.readdirSync(meta).filter((f) => f.endsWith("_snapshot.json"))) hashes[`meta/${file}`] = sha256(fs.readFileSync(path.join(meta, file)));
  const journal = JSON.parse(fs.readFileSync(path.join(meta, "_journal.json"), "utf8")) as { entries: JournalEntry[] };
  for (const entry of journal.entries) hashes[`meta/_journal.json#${entry.tag}`] = sha256(JSON.stringify(entry));
  return hashes;
}

export const readManifest = (file: string): Manifest => (fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Manifest) : {});

export interface MigrationCheck {
  /** Released files or journal entries that changed or went missing: never allowed. */
  changed: string[];
  /** Migrations not recorded yet: record them with `npm run db:manifest` and commit the manifest with them. */
  unrecorded: string[];
}

export function checkMigrations(dir: string, manifest: Manifest): MigrationCheck {
  const now = currentHashes(dir);
  return {
    changed: Object.keys(manifest).filter((key) => now[key] !== manifest[key]),
    unrecorded: Object.keys(now).filter((key) => !(key in manifest)),
  };
}

/** The manifest with every unrecorded migration added; recorded entries are kept as they are, even if changed. */
export function withNewMigrations(dir: string, manifest: Manifest): Manifest {
  const now = currentHashes(dir);
  const added = Object.fromEntries(Object.entries(now).filter(([key]) => !(key in manifest)));
  const all = { ...manifest, ...added };
  return Object.fromEntries(
    Object.keys(all)
      .sort()
      .map((key) => [key, all[key]!]),
  );
}

export function explain(check: MigrationCheck): string[] {
  const lines: string[] = [];
  for (const key of check.changed)
    lines.push(
      `✖ ${key} is a released migration and changed (or went missing). Released migrations are never edited: restore it (git checkout main -- drizzle/migrations) and put the change in a new migration (npm run db:generate).`,
    );
  for (const key of check.unrecorded)
    lines.push(`✖ ${key} is not recorded in drizzle/released-migrations.json: run \`npm run db:manifest\` and commit the manifest with the migration.`);
  return lines;
}
