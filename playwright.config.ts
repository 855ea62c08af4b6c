import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./lib/testing/chromium";

/**
 * E2E against the real thing: `scripts/start.ts` (embedded database, migrations, demo seed, `next build` if
 * needed, `next start` and the broker) on free ports and a fresh DATA_DIR. Workers inherit process.env, so the
 * values chosen here once are the ones every worker sees.
 */
function freePortSync(): string {
  const script = "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }).trim();
}

process.env.E2E_PORT ??= freePortSync();
process.env.E2E_MQTT_PORT ??= freePortSync();
if (!process.env.E2E_DATA_DIR) {
  // A fresh database per run; removed when the run ends (workers inherit the variable and skip this).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "makerspace-e2e-"));
  process.env.E2E_DATA_DIR = dir;
  process.on("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
}
process.env.E2E_DEMO_PASSWORD ??= "e2e-demo-password";
// The app mails through SMTP here; e2e/password-reset.spec.ts listens on this port to read the mails.
process.env.E2E_SMTP_PORT ??= freePortSync();

const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;

// Debian's Chromium when present (CI installs it), else the browser Playwright downloaded: as every browser test starts it.
const launchOptions = chromiumLaunchOptions;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1, // two cores: the server, the database and the browser already share them
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL,
    locale: "en-GB",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions,
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/, use: { ...devices["Desktop Chrome"], launchOptions } },
    {
      name: "chromium",
      testMatch: /.*\.spec\.ts/,
      dependencies: ["setup"],
      use: { ...devices["Desktop Chrome"], launchOptions },
    },
  ],
  webServer: {
    command: "npx tsx scripts/start.ts",
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 10 * 60_000, // a first run builds the app: 3+ minutes on two cores
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    env: {
      DATA_DIR: process.env.E2E_DATA_DIR,
      PORT: process.env.E2E_PORT,
      HOST: "127.0.0.1",
      MQTT_PORT: process.env.E2E_MQTT_PORT,
      MQTT_HOST: "127.0.0.1",
      DEMO_PASSWORD: process.env.E2E_DEMO_PASSWORD,
      LOG_LEVEL: "warn",
      // Every spec logs in from 127.0.0.1; the per-IP limit (tested in lib/domain/auth) would lock out the later
      // specs once the earlier ones' deliberate wrong passwords add up. The per-account limit stays as shipped.
      LOGIN_MAX_PER_IP: "1000",
      SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT}`,
    },
  },
});
