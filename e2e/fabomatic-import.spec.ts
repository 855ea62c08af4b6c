import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import initSqlJs from "sql.js";
import { storageStateOf } from "./fixtures";

const SAMPLE = path.join(import.meta.dirname, "..", "lib", "domain", "import", "fabomatic", "testing", "sample.sqldb");

/**
 * A small Fab-O-Matic file in the sample's schema: one machine, one user with a card, an authorization, a use
 * (machine 4242 and Erika Engel unless told otherwise, so each test can bring something new).
 */
async function smallFile(who = { machineId: 4242, machine: "E2E LATHE", userId: 500, first: "Erika", last: "Engel", card: "E2E00001" }): Promise<string> {
  const SQL = await initSqlJs();
  const db = new SQL.Database(new Uint8Array(fs.readFileSync(SAMPLE)));
  for (const table of ["uses", "interventions", "maintenances", "authorizations", "boards", "unknown_cards", "users", "machines"])
    db.run(`DELETE FROM ${table}`);
  db.run("INSERT INTO machines VALUES (?, ?, 5, 1.5, 0, NULL)", [who.machineId, who.machine]);
  db.run("INSERT INTO users (user_id, name, surname, role_id, card_UUID, disabled, deleted, email) VALUES (?, ?, ?, 3, ?, 0, 0, ?)", [
    who.userId,
    who.first,
    who.last,
    who.card,
    `${who.first}.${who.last}@example.org`.toLowerCase(),
  ]);
  db.run("INSERT INTO authorizations (user_id, machine_id) VALUES (?, ?)", [who.userId, who.machineId]);
  db.run("INSERT INTO uses (user_id, machine_id, start_timestamp, last_seen, end_timestamp, replay) VALUES (?, ?, 1767225600, 1767231000, 1767231000, 0)", [
    who.userId,
    who.machineId,
  ]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "e2e-fabomatic-")), "small.sqldb");
  fs.writeFileSync(file, db.export());
  db.close();
  return file;
}

test.describe("moving in from Fab-O-Matic", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("an admin uploads a Fab-O-Matic database, reads the dry run, and imports", async ({ page }) => {
    await page.goto("/admin/system");
    await page.getByRole("link", { name: "Import from Fab-O-Matic" }).click();
    await expect(page.getByRole("heading", { name: "Import from Fab-O-Matic", level: 1 })).toBeVisible();

    // The sample the real backend wrote: a dry run only (the demo's LASER 1 already has board id 1).
    await page.getByLabel("Fab-O-Matic database (.sqldb)").setInputFiles(SAMPLE);
    await page.getByRole("button", { name: "Upload and check (dry run)" }).click();
    const dryRun = page.getByRole("region", { name: "Dry run of sample.sqldb" });
    await expect(dryRun.getByRole("row", { name: /^People 41 0 0 1 0 0$/ })).toBeVisible();
    await expect(dryRun.getByRole("row", { name: /^Machine uses 600 / })).toBeVisible();
    await expect(dryRun.getByRole("region", { name: /^Conflicts/ })).toContainText("Board id 1 is used by a machine that is already here");
    await expect(page.getByRole("button", { name: "Import now" })).toBeVisible();

    // A small file of the same schema: dry run, then the import.
    await page.getByLabel("Fab-O-Matic database (.sqldb)").setInputFiles(await smallFile());
    await page.getByRole("button", { name: "Check another file" }).click();
    await expect(page.getByRole("region", { name: "Dry run of small.sqldb" }).getByRole("row", { name: /^Machines 1 0 0 0 0 0$/ })).toBeVisible();
    await page.getByRole("button", { name: "Import now" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText("Import finished:");
    await expect(page.getByRole("region", { name: "Imported small.sqldb" }).getByRole("row", { name: /^People 1 0 0 0 0 0$/ })).toBeVisible();
    // The import's last step (issue 15): invite the people it brought, who have no login yet.
    await page.getByRole("link", { name: "Last step: invite the imported people to set their password." }).click();
    await expect(page.getByRole("heading", { name: "Invite everyone without a login" })).toBeVisible();

    await page.goto("/admin/people?q=erika.engel");
    await expect(page.getByRole("table").getByRole("row", { name: /Erika Engel/ })).toBeVisible();
  });

  test.describe("without JavaScript (or before the page has hydrated)", () => {
    test.use({ javaScriptEnabled: false });

    // "Import now" clicked before React hydrated posts the form natively: the page renders again after the action,
    // and it answered "This upload is no longer here" over an import that had happened (a flaky CI failure).
    test("an admin imports and reads the import's own report", async ({ page }) => {
      await page.goto("/admin/import/fabomatic");
      const file = await smallFile({ machineId: 4343, machine: "E2E DRILL", userId: 501, first: "Nora", last: "Nojs", card: "E2E00002" });
      await page.getByLabel("Fab-O-Matic database (.sqldb)").setInputFiles(file);
      await page.getByRole("button", { name: "Upload and check (dry run)" }).click();
      await expect(page.getByRole("region", { name: "Dry run of small.sqldb" }).getByRole("row", { name: /^Machines 1 0 0 0 0 0$/ })).toBeVisible();
      await page.getByRole("button", { name: "Import now" }).click();
      await expect(page.getByRole("main").getByRole("status")).toContainText("Import finished:");
      await expect(page.getByRole("region", { name: "Imported small.sqldb" }).getByRole("row", { name: /^People 1 0 0 0 0 0$/ })).toBeVisible();
      await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);
    });
  });
});
