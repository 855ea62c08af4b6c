import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { createDb } from "@/lib/db/client";
import { profiles } from "@/lib/db/schema";
import { freePort } from "./testing/free-port";
import { runLauncher, waitForOutput, type LauncherRun } from "./testing/launcher-process";

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
  });
  await waitForOutput(run, /Makerspace is ready on/, 600_000);
  return { run, port, dbUrl: `postgres://postgres@127.0.0.1:${dbPort}/postgres` };
}

async function stop(run: LauncherRun): Promise<number | null> {
  run.child.kill("SIGINT");
  return run.exited;
}

describe("npm start", () => {
  it("serves /api/health, prints the demo login, and keeps the data across a restart", { timeout: 900_000 }, async () => {
    const first = await startSystem();
    try {
      const response = await fetch(`http://127.0.0.1:${first.port}/api/health`);
      expect(response.status).toBe(200);
      const health = (await response.json()) as { database: { ok: boolean } };
      expect(health.database.ok).toBe(true);
      expect(first.run.output()).toContain("admin@makerspace.local");
      expect(first.run.output()).toContain("launcher-test-password");
      expect(first.run.output()).toContain("efbeadde");

      const handle = createDb(first.dbUrl, { max: 1 });
      await handle.db.update(profiles).set({ firstName: "Kept-Across-Restarts" }).where(eq(profiles.email, "maria@makerspace.local"));
      await handle.close();
    } finally {
      expect(await stop(first.run)).toBe(0);
    }
    expect(fs.existsSync(path.join(dataDir, "launcher.pid"))).toBe(false);

    const second = await startSystem();
    try {
      expect(second.run.output()).not.toContain("Demo data created");
      expect((await fetch(`http://127.0.0.1:${second.port}/api/health`)).status).toBe(200);
      const handle = createDb(second.dbUrl, { max: 1 });
      const [kept] = await handle.db.select({ n: count() }).from(profiles).where(eq(profiles.firstName, "Kept-Across-Restarts"));
      const [all] = await handle.db.select({ n: count() }).from(profiles);
      await handle.close();
      expect(kept!.n).toBe(1);
      expect(all!.n).toBe(5);
    } finally {
      expect(await stop(second.run)).toBe(0);
    }
  });
});
