import { spawn } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";
import { waitFor } from "@/lib/testing/wait-for";

// The wait for a cancel's answer (QueryAttempt cancelAnswerMs) must not keep a process that is shutting down alive.
// With postgres.js's canceller the cancel's own connection holds a process as long as it is open (until the database
// closes it, or connect_timeout); what this holds is that the wait adds nothing to that. A child process gives up an
// attempt whose statement runs, its cancel never answered by a canceller that holds nothing itself, and is left
// with nothing else to do: it ends by itself instead of waiting the bound (an hour here).
const script = `
  import { QueryAttempt } from ${JSON.stringify(path.join(import.meta.dirname, "query-attempt.ts"))};
  const attempt = new QueryAttempt({ cancelAnswerMs: 3_600_000 });
  const query = { active: true, state: {}, canceller: () => new Promise(() => {}), resolve() {}, reject() {} };
  attempt.issued(query, true);
  console.log("cancelled", attempt.giveUp());
`;

it("a process left with only the wait for a cancel's answer ends", async () => {
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  let code: number | null | undefined;
  child.on("exit", (c) => (code = c));
  try {
    await waitFor("the child to end", () => code !== undefined, { timeoutMs: 20_000, detail: () => out });
  } finally {
    child.kill();
  }
  expect(out.trim()).toBe("cancelled 1");
  expect(code).toBe(0);
});
