import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["{lib,device-broker,scripts,drizzle,app,components}/**/*.test.ts"],
    exclude: ["node_modules/**", ".next/**", "e2e/**", "data/**"],
    globalSetup: ["lib/db/testing/global-setup.ts"],
    pool: "forks",
    maxWorkers: 2,
    // A test that takes a third of this on a CI run (two cores, shared) carries its own, longer timeout.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { NODE_ENV: "test", LOG_LEVEL: "silent" },
    // postgres.js's one known throw outside any promise (a connection closed under a queued write; the query still
    // fails through its promise): the broker survives it (lib/db/driver-faults.ts), so do the tests that cut a database.
    // Its test: isDriverWriteAfterClose (not imported: the config stays loadable without a TypeScript resolver).
    onUnhandledError: (error) =>
      !(/reading 'write'/.test(error.message) && /\bnextWrite\b/.test(error.stack ?? "") && /[\\/]postgres[\\/]/.test(error.stack ?? "")),
  },
});
