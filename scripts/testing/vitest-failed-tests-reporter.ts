/**
 * Vitest reporter: writes the names of the failed tests (and of unhandled errors, files that did not load, hooks that
 * threw) as a JSON array to $FAILED_TESTS_FILE when the run ends. Vitest's JSON report counts none of the last three.
 */
import fs from "node:fs";
import type { Reporter, TestModule } from "vitest/node";
import type { SerializedError } from "vitest";
import { vitestFailures } from "./failed-tests";

export default class FailedTestsReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandled: ReadonlyArray<SerializedError>) {
    const file = process.env.FAILED_TESTS_FILE;
    if (file) fs.writeFileSync(file, JSON.stringify(vitestFailures(modules, unhandled, process.cwd())));
  }
}
