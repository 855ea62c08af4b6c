/**
 * `npm run db:manifest`: records new migrations in drizzle/released-migrations.json (existing entries are never
 * rewritten). Without --record (as `npm run lint` runs it): checks that no released migration changed and that
 * every migration is recorded; exits 1 with what to do.
 */
import fs from "node:fs";
import { checkMigrations, explain, manifestFile, migrationsDir, readManifest, withNewMigrations } from "@/drizzle/released-migrations";

const manifest = readManifest(manifestFile);
if (process.argv.includes("--record")) {
  const next = withNewMigrations(migrationsDir, manifest);
  const added = Object.keys(next).filter((key) => !(key in manifest));
  fs.writeFileSync(manifestFile, `${JSON.stringify(next, null, 2)}\n`);
  console.log(added.length ? `Recorded ${added.join(", ")}.` : "Nothing new to record.");
}
const problems = explain(checkMigrations(migrationsDir, readManifest(manifestFile)));
for (const line of problems) console.error(line);
if (problems.length) process.exit(1);
