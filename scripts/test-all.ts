/**
 * `npm test`: the whole suite, in the order that fails fastest — lint, types, the web build (if stale), Vitest (unit, integration on the
 * embedded database, broker, launcher), then Playwright in Chromium against the built app. Closes with the name of
 * every failed test (and of those that passed only on retry) and one line with the counts of all tests run.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { failureSummary, playwrightFailures, readJson, runOutcome, type PlaywrightReport } from "./testing/failed-tests";

const root = path.resolve(import.meta.dirname, "..");
const reports = fs.mkdtempSync(path.join(os.tmpdir(), "ms-test-"));
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

interface Step {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
  count?: () => { passed: number; failed: number };
}

const vitestReport = path.join(reports, "vitest.json");
const playwrightReport = path.join(reports, "playwright.json");
const vitestFailed = path.join(reports, "vitest-failed.json");

const steps: Step[] = [
  { name: "lint", command: "npm", args: ["run", "--silent", "lint"] },
  { name: "typecheck", command: "npm", args: ["run", "--silent", "typecheck"] },
  // Built once here: the HTTPS web-server test and Playwright both serve the built app.
  { name: "build", command: process.execPath, args: ["--import", "tsx", path.join(root, "scripts", "build-if-needed.ts")] },
  {
    name: "vitest",
    command: bin("vitest"),
    args: ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`, "--reporter=./scripts/testing/vitest-failed-tests-reporter.ts"],
    env: { FAILED_TESTS_FILE: vitestFailed },
    count: () => {
      const r = JSON.parse(fs.readFileSync(vitestReport, "utf8")) as { numPassedTests: number; numFailedTests: number };
      return { passed: r.numPassedTests, failed: r.numFailedTests };
    },
  },
  {
    name: "playwright",
    command: bin("playwright"),
    args: ["test", "--reporter=list,json"],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport },
    count: () => {
      const r = JSON.parse(fs.readFileSync(playwrightReport, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number } };
      return { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected };
    },
  },
];

let passed = 0;
let failed = 0;
const failedSteps: string[] = [];
for (const step of steps) {
  const started = Date.now();
  console.log(`\n=== ${step.name} ===`);
  const result = spawnSync(step.command, step.args, { cwd: root, stdio: "inherit", env: { ...process.env, ...step.env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (step.count) {
    try {
      const counts = step.count();
      passed += counts.passed;
      failed += counts.failed;
    } catch {
      // no report: the runner itself failed; the step is counted below
    }
  }
  if (result.status !== 0) failedSteps.push(step.name);
  console.log(`=== ${step.name}: ${result.status === 0 ? "ok" : "FAILED"} in ${seconds} s ===`);
}

const outcome = runOutcome({
  passed,
  failed,
  failedSteps,
  vitest: readJson<string[]>(vitestFailed) ?? [],
  playwright: playwrightFailures(readJson<PlaywrightReport>(playwrightReport) ?? {}, root),
});
fs.rmSync(reports, { recursive: true, force: true });
if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join(", ")}`);
if (process.env.TEST_COUNTS_FILE) fs.writeFileSync(process.env.TEST_COUNTS_FILE, JSON.stringify(outcome));
const summary = failureSummary("npm test", outcome.failedTests, outcome.flakyTests);
if (summary) console.log(summary);
console.log(`\ntests: ${outcome.passed} passed, ${outcome.failed} failed`);
process.exit(failedSteps.length ? 1 : 0);
