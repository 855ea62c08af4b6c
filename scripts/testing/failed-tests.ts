/**
 * The names of a run's failed tests, for the last lines of `npm test` and of CI: CI shows only the tail of a failed
 * run, far below the runners' own failure reports.
 */
import fs from "node:fs";
import path from "node:path";
import type { SerializedError } from "vitest";
import type { TestModule } from "vitest/node";

/** What `npm test` leaves for CI (TEST_COUNTS_FILE): the counts, each failed test, and the tests that passed only on retry. */
export interface TestOutcome {
  passed: number;
  failed: number;
  failedTests: string[];
  flakyTests: string[];
}

type VitestError = Pick<SerializedError, "message"> & { VITEST_TEST_PATH?: string; VITEST_TEST_NAME?: string };

const firstLine = (message: string | undefined) => (message ?? "").split("\n")[0]!.trim() || "(no message)";

/** One line per failed test; and per file, suite or hook that failed outside a test, and per unhandled error. */
export function vitestFailures(modules: ReadonlyArray<TestModule>, unhandled: ReadonlyArray<VitestError>, root: string): string[] {
  const lines: string[] = [];
  for (const m of modules) {
    const file = path.relative(root, m.moduleId);
    for (const test of m.children.allTests()) if (test.result().state === "failed") lines.push(`${file} > ${test.fullName}`);
    // A file that did not load, or a beforeAll/afterAll that threw: its tests are skipped, not failed.
    for (const e of m.errors()) lines.push(`${file}: ${firstLine(e.message)}`);
    for (const suite of m.children.allSuites()) for (const e of suite.errors()) lines.push(`${file} > ${suite.fullName}: ${firstLine(e.message)}`);
  }
  for (const e of unhandled) {
    const where = e.VITEST_TEST_PATH ? ` (while ${path.relative(root, e.VITEST_TEST_PATH)}${e.VITEST_TEST_NAME ? ` > ${e.VITEST_TEST_NAME}` : ""} ran)` : "";
    lines.push(`unhandled error${where}: ${firstLine(e.message)}`);
  }
  return lines;
}

interface PlaywrightSuite {
  title: string;
  file?: string;
  specs?: { title: string; file: string; line: number; tests: { projectName: string; status: string }[] }[];
  suites?: PlaywrightSuite[];
}
export interface PlaywrightReport {
  config?: { rootDir?: string };
  suites?: PlaywrightSuite[];
  errors?: { message?: string }[];
}

/** From Playwright's JSON report: the tests that failed (every attempt) and those that passed only on a retry. */
export function playwrightFailures(report: PlaywrightReport, root: string): { failed: string[]; flaky: string[] } {
  // Spec files are named from the test directory: shown from the project's root, as Vitest's are.
  const fromRoot = (file: string) => path.relative(root, path.resolve(report.config?.rootDir ?? root, file));
  const failed: string[] = [];
  const flaky: string[] = [];
  const walk = (suite: PlaywrightSuite, titles: string[]) => {
    for (const spec of suite.specs ?? []) {
      const name = `${fromRoot(spec.file)}:${spec.line} › ${[...titles, spec.title].join(" › ")}`;
      for (const test of spec.tests) {
        const named = test.projectName ? `${name} [${test.projectName}]` : name;
        if (test.status === "unexpected") failed.push(named);
        if (test.status === "flaky") flaky.push(named);
      }
    }
    for (const child of suite.suites ?? []) walk(child, [...titles, child.title]);
  };
  // The top suites are the files: their titles are in each spec's file already.
  for (const file of report.suites ?? []) walk(file, []);
  // Outside any test: the web server did not start, a global setup threw, a spec did not load.
  for (const e of report.errors ?? []) failed.push(firstLine(e.message));
  return { failed, flaky };
}

export function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

/** The closing block: every failed test by name (and the flaky ones), nothing when all passed. */
export function failureSummary(title: string, failed: string[], flaky: string[]): string {
  const lines: string[] = [];
  if (failed.length) lines.push(`\n${title}: ${failed.length} failed`, ...failed.map((n) => `  ✘ ${n}`));
  if (flaky.length) lines.push(`\n${title}: ${flaky.length} passed only on retry`, ...flaky.map((n) => `  ~ ${n}`));
  return lines.join("\n");
}

/**
 * `npm test`'s outcome: a step that failed with no failing test named (lint, types, the build, a runner that crashed
 * or was killed) is named too ("step lint: failed") and counted as one failure, so no count goes without a name.
 */
export function runOutcome(run: {
  passed: number;
  failed: number;
  failedSteps: string[];
  vitest: string[];
  playwright: { failed: string[]; flaky: string[] };
}): TestOutcome {
  const named: Record<string, string[]> = { vitest: run.vitest, playwright: run.playwright.failed };
  const failedTests = [...run.vitest.map((name) => `vitest: ${name}`), ...run.playwright.failed.map((name) => `playwright: ${name}`)];
  const unnamed = run.failedSteps.filter((step) => !named[step]?.length).map((step) => `step ${step}: failed`);
  return {
    passed: run.passed,
    failed: Math.max(run.failed, failedTests.length) + unnamed.length,
    failedTests: [...failedTests, ...unnamed],
    flakyTests: run.playwright.flaky.map((name) => `playwright: ${name}`),
  };
}
