/**
 * `npm run start:web`: the web server alone, for production against DATABASE_URL. Applies pending
 * migrations first (serialised with any other instance by an advisory lock), then runs `next start`.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { createDb } from "@/lib/db/client";
import { parseEnv } from "@/lib/env";
import { prepareDatabase, pingDatabase } from "@/drizzle/prepare";
import { StartupError, redactUrl } from "./launcher/startup-error";
import { ensureBuild } from "./launcher/build";

const root = path.resolve(import.meta.dirname, "..");

async function main(): Promise<void> {
  const env = parseEnv(process.env);
  if (!env.DATABASE_URL) throw new StartupError("DATABASE_URL is not set. `npm start` runs everything with the embedded database.");
  if (!env.AUTH_SECRET) throw new StartupError("AUTH_SECRET is not set (32+ random characters; e.g. `openssl rand -base64 32`).");
  const handle = createDb(env.DATABASE_URL, { max: 1, connectTimeoutSeconds: 5 });
  try {
    await pingDatabase(handle.db).catch((error: Error) => {
      throw new StartupError(`Cannot reach the database at ${redactUrl(env.DATABASE_URL!)}: ${error.message}`);
    });
    await prepareDatabase(handle.db);
  } finally {
    await handle.close();
  }
  await ensureBuild(root, console.log);
  const child = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(env.PORT), "-H", env.HOST], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code) => process.exit(code ?? 1));
}

main().catch((error: unknown) => {
  console.error(error instanceof StartupError ? `✖ ${error.message}` : error);
  process.exit(1);
});
