import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { failureSummary, playwrightFailures, runOutcome, readJson, type PlaywrightReport } from "./failed-tests";

// The runners are run for real on fixtures that fail on purpose (failed-tests-fixtures/), as `npm test` runs them.
const root = path.resolve(import.meta.dirname, "..", "..");
const fixtures = path.join(import.meta.dirname, "failed-tests-fixtures");
const out = fs.mkdtempSync(path.join(os.tmpdir(), "failed-tests-"));
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

function run(bin: string, args: string[], env: Record<string, string>): Promise<number | null> {
  // Without this run's own worker settings: the child is a runner of its own.
  const ownRunner = Object.entries(process.env).filter(([k]) => /^(VITEST|TEST_WORKER|PLAYWRIGHT)/.test(k));
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...Object.fromEntries(ownRunner.map(([k]) => [k, undefined])), CI: "", ...env };
  const child = spawn(path.join(root, "node_modules", ".bin", bin), args, { cwd: root, env: childEnv, stdio: "ignore" });
  return new Promise((resolve) => child.on("close", resolve));
}

describe("failed tests named at the end of a run", () => {
  it("names Vitest's failed tests, a file that did not load, a hook that threw and an unhandled error", async () => {
    const file = path.join(out, "vitest-failed.json");
    const reporter = "--reporter=./scripts/testing/vitest-failed-tests-reporter.ts";
    expect(await run("vitest", ["run", "--config", path.join(fixtures, "vitest.config.ts"), reporter], { FAILED_TESTS_FILE: file })).toBe(1);
    const at = "scripts/testing/failed-tests-fixtures";
    expect(readJson<string[]>(file)?.sort()).toEqual([
      `${at}/does-not-load.vitest-fixture.ts: did not load on purpose`,
      `${at}/fails.vitest-fixture.ts > a group > fails on purpose`,
      `${at}/fails.vitest-fixture.ts > a group whose setup throws: setup threw on purpose`,
      `unhandled error (while ${at}/fails.vitest-fixture.ts > waits while the error is thrown ran): thrown later on purpose`,
    ]);
  }, 60_000);

  it("names Playwright's tests that failed every attempt, apart from those that passed on retry", async () => {
    const file = path.join(out, "playwright.json");
    const args = ["test", "--config", path.join(fixtures, "playwright.config.ts"), "--reporter=json"];
    expect(await run("playwright", args, { PLAYWRIGHT_JSON_OUTPUT_NAME: file })).toBe(1);
    expect(playwrightFailures(readJson<PlaywrightReport>(file)!, root)).toEqual({
      failed: ["scripts/testing/failed-tests-fixtures/fails.playwright-fixture.ts:6 › a group › fails on purpose"],
      flaky: ["scripts/testing/failed-tests-fixtures/fails.playwright-fixture.ts:7 › a group › passes on its retry"],
    });
  }, 60_000);

  it("names what failed outside any test (the web server did not start), and nothing when all passed", () => {
    expect(playwrightFailures({ errors: [{ message: "Error: Timed out waiting 600000ms from config.webServer.\n  at …" }] }, root).failed).toEqual([
      "Error: Timed out waiting 600000ms from config.webServer.",
    ]);
    expect(failureSummary("npm test", ["vitest: a > b"], ["playwright: c"])).toBe(
      "\nnpm test: 1 failed\n  ✘ vitest: a > b\n\nnpm test: 1 passed only on retry\n  ~ playwright: c",
    );
    expect(failureSummary("npm test", [], [])).toBe("");
  });

  it("names a step that failed with no failing test, with one prefix for Playwright's errors outside a test", () => {
    const playwright = playwrightFailures({ errors: [{ message: "Error: no web server" }] }, root);
    expect(runOutcome({ passed: 5, failed: 0, failedSteps: ["lint", "vitest", "playwright"], vitest: [], playwright })).toEqual({
      passed: 5,
      failed: 3,
      failedTests: ["playwright: Error: no web server", "step lint: failed", "step vitest: failed"],
      flakyTests: [],
    });
    expect(runOutcome({ passed: 5, failed: 2, failedSteps: ["vitest"], vitest: ["a > b", "c > d"], playwright: { failed: [], flaky: ["e"] } })).toEqual({
      passed: 5,
      failed: 2,
      failedTests: ["vitest: a > b", "vitest: c > d"],
      flakyTests: ["playwright: e"],
    });
  });
});
