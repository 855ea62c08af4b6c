import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing/test-database";
import { rawRequest, startWebApp, type WebApp } from "../testing/web-app";
import { BUILT_NEXT_CONFIG, applyBuiltNextConfig } from "./built-next-config";

// The web server hands Next the config its build evaluated (built-next-config.ts) instead of letting it transpile
// next.config.ts, which loads Next's SWC compiler (a 100 MB native module) into the web process for its lifetime.
let db: TestDatabase;
let app: WebApp;

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startWebApp(db.url);
}, 15 * 60_000);
afterAll(async () => {
  await app?.stop();
  await db?.close();
});

describe("the web server's Next config", () => {
  it("comes from the build: pages are served and Next's compiler is never loaded", { timeout: 120_000 }, async () => {
    expect((await rawRequest(app.port, { path: "/api/health" })).status).toBe(200);
    const login = await rawRequest(app.port, { path: "/login" });
    expect(login.status).toBe(200);
    // poweredByHeader: false, from next.config.ts by way of the build.
    expect(login.headers["x-powered-by"]).toBeUndefined();
    if (process.platform === "linux") expect(fs.readFileSync(`/proc/${app.pid}/maps`, "utf8")).not.toMatch(/next-swc/);
    expect(app.output()).not.toMatch(/next\.config\.ts/);
  });

  it("is read from .next/required-server-files.json, and left to Next when the build has none", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "ms-next-config-"));
    try {
      const env = {} as NodeJS.ProcessEnv;
      expect(applyBuiltNextConfig(root, env)).toBe(false);
      expect(env).toEqual({});
      fs.mkdirSync(path.join(root, ".next"));
      fs.writeFileSync(path.join(root, ".next", "required-server-files.json"), JSON.stringify({ version: 1, config: { poweredByHeader: false } }));
      expect(applyBuiltNextConfig(root, env)).toBe(true);
      expect(JSON.parse(env[BUILT_NEXT_CONFIG]!)).toEqual({ poweredByHeader: false });
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
