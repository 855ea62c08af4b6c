/**
 * `npm run import:fabomatic -- path/to/database.sqldb [--yes] [--dry-run]`: prints the dry run (what would be
 * created, updated, skipped, and where it conflicts with what is here), asks, then imports in one transaction.
 * Without a terminal to ask on and without --yes it stops after the dry run. The rules are in
 * lib/domain/import/fabomatic; docs/fabomatic-mapping.md says what becomes what.
 */
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline/promises";
import { prepareDatabase } from "@/drizzle/prepare";
import { createDb } from "@/lib/db/client";
import { describeReport } from "@/lib/domain/import/fabomatic/describe-report";
import { applyFabomaticImport, dryRunFabomaticImport } from "@/lib/domain/import/fabomatic/import-fabomatic";
import { parseEnv } from "@/lib/env";
import { translator } from "@/lib/i18n/translate";
import { openDatabaseTarget } from "./ops/database-target";

class UsageError extends Error {}

async function confirm(question: string): Promise<boolean> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  // Input that ends without an answer (closed stdin) counts as no.
  const answer = await new Promise<string>((resolve) => {
    rl.once("close", () => resolve(""));
    rl.question(question).then(
      (a) => resolve(a.trim().toLowerCase()),
      () => resolve(""),
    );
  });
  rl.close();
  return answer === "yes" || answer === "y";
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith("--"));
  if (!file) throw new UsageError("Which file? Usage: npm run import:fabomatic -- path/to/database.sqldb [--yes] [--dry-run]");
  const bytes = new Uint8Array(fs.readFileSync(path.resolve(file)));
  const t = translator("en");
  const env = parseEnv(process.env);
  const target = await openDatabaseTarget(env);
  const handle = createDb(target.url, { max: 2, connectTimeoutSeconds: 5 });
  try {
    await prepareDatabase(handle.db);
    const input = { bytes, fileName: path.basename(file) };
    const dry = await dryRunFabomaticImport(handle.db, input);
    if (!dry.ok) throw new UsageError(t(`fabImport.error.${dry.code}`));
    console.log(`Dry run of ${file} against ${target.description}:\n`);
    for (const line of describeReport(t, dry.report)) console.log(line);
    console.log("");
    if (dry.report.nothingToDo) {
      console.log(t("fabImport.nothingToDo"));
      return;
    }
    if (args.includes("--dry-run")) return;
    if (!args.includes("--yes")) {
      if (!process.stdin.isTTY) {
        console.log("Dry run only: run again with --yes to import.");
        return;
      }
      if (!(await confirm("Import now? Type yes to continue: "))) {
        console.log("Nothing imported.");
        return;
      }
    }
    const started = Date.now();
    const result = await applyFabomaticImport(handle.db, null, input);
    if (!result.ok) throw new UsageError(t(`fabImport.error.${result.code}`));
    const sum = (what: "created" | "updated") => Object.values(result.report.counts).reduce((n, c) => n + c[what], 0);
    console.log(`✔ ${t("fabImport.done", { created: sum("created"), updated: sum("updated") })} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    console.log(t("fabImport.boardsHint"));
    if (result.report.createdPersonIds.length) {
      console.log(`${result.report.createdPersonIds.length} people were created without a login: invite them from the admin pages (People → Invitations).`);
    }
  } finally {
    await handle.close();
    await target.close();
  }
}

main().catch((error: unknown) => {
  console.error(`✖ Import failed, nothing was imported: ${error instanceof UsageError ? error.message : ((error as Error)?.message ?? String(error))}`);
  process.exit(1);
});
