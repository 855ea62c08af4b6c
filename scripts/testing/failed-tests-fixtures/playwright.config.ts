import { defineConfig } from "@playwright/test";

// Runs the failing fixtures for failed-tests.test.ts only: no browser, no web server; one retry as in CI.
export default defineConfig({ testDir: ".", testMatch: /.*\.playwright-fixture\.ts/, retries: 1, workers: 1 });
