import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import postgres from "postgres";
import { createDb } from "@/lib/db/client";
import { profiles } from "@/lib/db/schema";
import { freePort } from "./testing/free-port";
import { runLauncher, waitForOutput, type LauncherRun } from "./testing/launcher-process";
import { START_TIMING } from "./launcher/start-timing";

/** Where each line appears in the output: expected in the order given (a missing line is -1 and fails too). */
function linesInOrder(output: string, ...lines: string[]): void {
  const at = lines.map((line) => output.indexOf(line));
  expect(at.every((position) => position >= 0) && at.every((position, i) => i === 0 || position > at[i - 1]!), `${lines.join(" < ")}\n${output}`).toBe(true);
}

// The whole system from `npm start` on an empty DATA_DIR: embedded database, demo data, web and broker.
// The first run may include the web build, hence the long timeouts.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ms-launcher-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function startSystem(): Promise<{ run: LauncherRun; port: number; dbUrl: string }> {
  const [port, mqttPort, dbPort] = [await freePort(), await freePort(), await freePort()];
  const run = runLauncher({
    DATA_DIR: dataDir,
    PORT: String(port),
    MQTT_PORT: String(mqttPort),
    EMBEDDED_DB_PORT: String(dbPort),
    DEMO_PASSWORD: "launcher-test-password",
    // The launcher's steps in its output (scripts/launcher/start-timing.ts): their order is asserted, never their times.
    [START_TIMING]: "1",
  });
  await waitForOutput(run, /Makerspace is ready on/, 600_000);
  // The embedded database wants the password generated at this start; the launcher leaves its address here.
  const dbUrl = fs.readFileSync(path.join(dataDir, "embedded-db.url"), "utf8").trim();
  expect(new URL(dbUrl).port).toBe(String(dbPort));
  return { run, port, dbUrl };
}

function walk(dir: string): { file: string; mode: number; dir: boolean }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    if (e.isSymbolicLink()) return [];
    const entry = { file, mode: fs.statSync(file).mode, dir: e.isDirectory() };
    return e.isDirectory() ? [entry, ...walk(file)] : [entry];
  });
}

async function stop(run: LauncherRun): Promise<number | null> {
  run.child.kill("SIGINT");
  return run.exited;
}

describe("npm start", () => {
  it("serves /api/health, prints the demo login, and keeps the data across a restart", { timeout: 900_000 }, async () => {
    const first = await startSystem();
    let profilesBefore = -1;
    try {
      const response = await fetch(`http://127.0.0.1:${first.port}/api/health`);
      expect(response.status).toBe(200);
      const health = (await response.json()) as { database: { ok: boolean } };
      expect(health.database.ok).toBe(true);
      expect(first.run.output()).toContain("admin@makerspace.local");
      expect(first.run.output()).toContain("launcher-test-password");
      expect(first.run.output()).toContain("efbeadde");
      // A fresh install: the web server booted while a child created, migrated and seeded the database, and served only after.
      linesInOrder(first.run.output(), "web started", "database open (created and prepared in a child)", "database prepared", "[web] HTTP on port");

      // While running, DATA_DIR itself is 0700: nobody else reaches anything inside.
      expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);

      // Its password is not in the log, and without it the database answers nobody.
      expect(first.run.output()).not.toContain(new URL(first.dbUrl).password);
      const stranger = postgres(`postgres://postgres@127.0.0.1:${new URL(first.dbUrl).port}/postgres`, { max: 1, connect_timeout: 5 });
      await expect(stranger`select 1`).rejects.toMatchObject({ code: "28P01" });
      await stranger.end({ timeout: 1 });

      const handle = createDb(first.dbUrl, { max: 1 });
      await handle.db.update(profiles).set({ firstName: "Kept-Across-Restarts" }).where(eq(profiles.email, "maria@makerspace.local"));
      profilesBefore = (await handle.db.select({ n: count() }).from(profiles))[0]!.n;
      await handle.close();
    } finally {
      expect(await stop(first.run)).toBe(0);
    }
    expect(fs.existsSync(path.join(dataDir, "launcher.pid"))).toBe(false);
    // After a stop: the folder 0700 and everything in it 0600 (database files, auth secret, backups, …).
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(walk(dataDir).filter(({ mode, dir }) => (mode & 0o777) !== (dir ? 0o700 : 0o600))).toEqual([]);
    expect(walk(dataDir).some((f) => f.file.endsWith("auth-secret"))).toBe(true);

    const second = await startSystem();
    try {
      expect(second.run.output()).not.toContain("Demo data created");
      // A plain restart: the web server booted before the database was even open, and served once it was (the schema
      // being this version's), not after the rest of the preparation.
      linesInOrder(second.run.output(), "web started", "database open (up to date)", "[web] HTTP on port");
      // The database side of the launcher (PGlite, drizzle, …) is loaded only once the web server is booting.
      linesInOrder(second.run.output(), "web started", "database code loaded", "database open (up to date)");
      linesInOrder(second.run.output(), "web started", "database prepared", "broker started");
      // The web server is told to serve before DATA_DIR's ~1,700 files have their modes mended, not after.
      await waitForOutput(second.run, /data directory private/, 60_000);
      linesInOrder(second.run.output(), "web told to serve", "data directory private");
      expect((await fetch(`http://127.0.0.1:${second.port}/api/health`)).status).toBe(200);
      const handle = createDb(second.dbUrl, { max: 1 });
      const [kept] = await handle.db.select({ n: count() }).from(profiles).where(eq(profiles.firstName, "Kept-Across-Restarts"));
      const [all] = await handle.db.select({ n: count() }).from(profiles);
      await handle.close();
      expect(kept!.n).toBe(1);
      // Nobody added (no second demo seed) and nobody lost.
      expect(all!.n).toBe(profilesBefore);
    } finally {
      expect(await stop(second.run)).toBe(0);
    }
  });
});
