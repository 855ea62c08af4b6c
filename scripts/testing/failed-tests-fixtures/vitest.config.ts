import { defineConfig } from "vitest/config";

// Runs the failing fixtures for failed-tests.test.ts only: the suite's own config does not match *.fixture.ts.
export default defineConfig({ test: { root: import.meta.dirname, include: ["*.vitest-fixture.ts"], pool: "forks", maxWorkers: 1 } });
