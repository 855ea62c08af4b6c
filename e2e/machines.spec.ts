import { expect, test } from "@playwright/test";
import { SimulatedBoard } from "../scripts/simulator/board";
import { clickAndConfirm, storageStateOf } from "./fixtures";

// The real broker of the e2e app, driven by the firmware-faithful board simulator.
const mqttUrl = `mqtt://127.0.0.1:${process.env.E2E_MQTT_PORT}`;

test.describe.configure({ mode: "serial" });
test.use({ storageState: storageStateOf("admin") });

let board: SimulatedBoard;
test.beforeAll(async () => {
  board = new SimulatedBoard({ url: mqttUrl, machineId: 1 });
  await board.start();
});
test.afterAll(async () => {
  await board?.close();
});

test("a swipe turns the LASER 1 tile 'in use' without a reload, and the stop turns it free", async ({ page }) => {
  await page.goto("/machines");
  const tile = page.getByRole("listitem", { name: "LASER 1" });
  await expect(page.getByTestId("dashboard-connection")).toHaveAttribute("data-connected", "true");
  await expect(tile).toHaveAttribute("data-state", "free");
  // The demo has a printer in use already (drizzle/seed-lived-in.ts): the count goes up by one.
  const inUse = page.getByTestId("machine-counts").locator('[data-state="in_use"] span');
  const before = Number(await inUse.textContent());

  const outcome = await board.swipe("efbeadde");
  expect(outcome.loggedIn).toBe(true);
  await expect(tile).toHaveAttribute("data-state", "in_use");
  // The admin may see who it is (members.read).
  await expect(tile).toContainText("In use by Mario Rossi");
  await expect(inUse).toHaveText(String(before + 1));

  await board.stop();
  await expect(tile).toHaveAttribute("data-state", "free");
});

test("visitors see 'in use' without the name", async ({ browser }) => {
  const visitor = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await visitor.goto("/machines");
  await expect(visitor.getByTestId("dashboard-connection")).toHaveAttribute("data-connected", "true");
  await board.swipe("efbeadde");
  const tile = visitor.getByRole("listitem", { name: "LASER 1" });
  await expect(tile).toHaveAttribute("data-state", "in_use");
  await expect(tile).not.toContainText("Mario");
  await board.stop();
  await expect(tile).toHaveAttribute("data-state", "free");
});

test("the admin blocks the machine: the tile says blocked and the next checkmachine replies allowed:false", async ({ page }) => {
  await page.goto("/machines");
  const tile = page.getByRole("listitem", { name: "LASER 1" });
  await expect(tile).toHaveAttribute("data-state", "free");

  const admin = await page.context().newPage();
  await admin.goto("/admin/equipment");
  await admin.getByRole("link", { name: "LASER 1", exact: true }).click();
  const block = admin.getByRole("form", { name: "Out of service" });
  await block.getByLabel("Reason (members see it)").fill("Lens cracked");
  await block.getByRole("button", { name: "Block the machine" }).click();
  await expect(admin.getByText("blocked: Lens cracked")).toBeVisible();

  await expect(tile).toHaveAttribute("data-state", "blocked");
  await expect(tile).toContainText("Lens cracked");
  // The broker may serve checkmachine from its snapshot, refreshed on change: ask until it has caught up.
  await expect.poll(async () => (await board.checkMachine())?.allowed).toBe(false);
  expect((await board.swipe("efbeadde")).loggedIn).toBe(false);

  await admin.getByRole("form", { name: "Out of service" }).getByRole("button", { name: "Put back in service" }).click();
  await expect(tile).toHaveAttribute("data-state", "free");
  await expect.poll(async () => (await board.checkMachine())?.allowed).toBe(true);
});

test("the machine's operations page shows the board, the sessions and allows a remote stop only while in use", async ({ page }) => {
  await page.goto("/admin/equipment");
  await page.getByRole("link", { name: "LASER 1", exact: true }).click();
  await page.getByRole("link", { name: "Operations: hours, maintenance, boards, usage" }).click();
  await expect(page.getByRole("heading", { name: "Operations: LASER 1" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Boards that reported" })).toContainText("esp32-devkitc,v1.9.0-sim");
  const usage = page.getByRole("region", { name: "Usage history" });
  await expect(usage.getByRole("cell", { name: "Mario Rossi" }).first()).toBeVisible();
  // Nobody is logged in now: the domain refuses the stop and says why.
  const stop = page.getByRole("form", { name: "Stop remotely" });
  await stop.getByRole("button", { name: "Stop remotely" }).click();
  await expect(stop.getByRole("alert")).toHaveText("Nobody is logged in on this machine.");
});

test("the usage list shows the sessions with totals and exports the filtered list as XLSX", async ({ page }) => {
  await page.goto("/admin/usage");
  await expect(page.getByRole("heading", { name: "Machine usage" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Per machine" })).toContainText("LASER 1");
  await page.getByRole("combobox", { name: "Person" }).selectOption({ label: "Mario Rossi" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/person=/);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export XLSX" }).click();
  const file = await (await download).path();
  const { default: ExcelJS } = await import("exceljs");
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.getWorksheet("Usage")!;
  expect(sheet.rowCount).toBeGreaterThan(1);
  for (let i = 2; i <= sheet.rowCount; i++) expect(sheet.getRow(i).getCell(3).value).toBe("Mario Rossi");
});

test("an unknown card becomes a new member's card; after a training grant the board accepts it", async ({ page }) => {
  const uid = "5eed0001";
  expect((await board.swipe(uid)).loggedIn).toBe(false);
  await page.goto("/admin/cards");
  const entry = page.getByTestId(`unknown-${uid}`);
  await expect(entry).toContainText(uid);
  const create = page.getByRole("form", { name: `Create a new member with ${uid}` });
  await create.getByLabel("First name").fill("Nina");
  await create.getByLabel("Last name").fill("Neumann");
  await create.getByLabel("Email").fill("nina.neumann@example.org");
  await create.getByRole("button", { name: "Create the member with this card" }).click();
  // Saving removes the unknown-card rows for that uid.
  await expect(entry).toHaveCount(0);

  // Known now, but not trained: refused.
  const untrained = await board.swipe(uid);
  expect(untrained).toMatchObject({ loggedIn: false, reason: "refused" });

  await page.goto("/admin/equipment/people?q=Neumann");
  await page.getByRole("link", { name: "Authorizations" }).first().click();
  const grant = page.getByRole("form", { name: "Grant directly" });
  await grant.getByLabel("Equipment type").selectOption({ label: "Laser cutter" });
  await grant.getByLabel("Reason").fill("Trained at the machine");
  await grant.getByRole("button", { name: "Grant" }).click();
  await expect(grant.getByRole("status")).toHaveText("Granted.");

  // The broker answers from a snapshot refreshed on change: swipe until it has caught up.
  await expect.poll(async () => (await board.swipe(uid)).loggedIn).toBe(true);
  await board.stop();
});

test("maintenance plans on the operations page: add, edit, record done by hand, delete", async ({ page }) => {
  await page.goto("/admin/equipment");
  await page.getByRole("link", { name: "PRUSA MK4", exact: true }).click();
  await page.getByRole("link", { name: "Operations: hours, maintenance, boards, usage" }).click();
  const add = page.getByRole("form", { name: "Add a maintenance plan" });
  await add.getByLabel("Every (hours)").fill("100");
  await add.getByLabel("Display text").fill("Grease rods");
  await add.getByLabel("Instructions (link)").fill("https://wiki.example.org/prusa");
  await add.getByRole("button", { name: "Add a maintenance plan" }).click();
  const plans = page.getByRole("region", { name: "Maintenance plans" });
  await expect(plans.getByRole("cell", { name: "Grease rods" })).toBeVisible();

  // Edit: a refused value names the field and keeps what was typed; a good one shows in the table.
  await plans.getByText('Edit "Grease rods"', { exact: true }).click();
  const edit = plans.getByRole("form", { name: 'Edit "Grease rods"' });
  await edit.getByLabel("Display text").fill("Grease the Z rods!");
  await edit.getByLabel("Every (hours)").fill("120");
  await edit.getByRole("button", { name: "Save plan" }).click();
  await expect(edit.getByRole("alert")).toContainText("Display text: at most 16 characters");
  await expect(edit.getByLabel("Every (hours)")).toHaveValue("120");
  await edit.getByLabel("Display text").fill("Grease Z rods");
  await edit.getByLabel("Description").fill("Lithium grease, thin film");
  await edit.getByRole("button", { name: "Save plan" }).click();
  await expect(plans.getByRole("cell", { name: "Grease Z rods" })).toBeVisible();
  await expect(plans.getByRole("row").filter({ hasText: "Grease Z rods" })).toContainText("120");

  await plans.getByRole("button", { name: 'Record "Grease Z rods" as done' }).click();
  await expect(page.getByRole("region", { name: "Interventions" })).toContainText("Grease Z rods");
  await clickAndConfirm(plans, 'Delete "Grease Z rods"');
  await expect(plans.getByRole("cell", { name: "Grease Z rods" })).toHaveCount(0);
});

test("staff correct a session's duration on the usage list; it is then marked as added by hand", async ({ page }) => {
  await page.goto("/admin/usage");
  const row = page.locator('tr[data-recorded="live"]').first();
  await row.getByText("Correct", { exact: true }).click();
  const form = row.getByRole("form", { name: /Correct session \d+/ });
  await form.getByLabel("Minutes").fill("42");
  await form.getByLabel("Reason").fill("Left logged in by mistake");
  await form.getByRole("button", { name: "Save the correction" }).click();
  await expect(page.locator('tr[data-recorded="manual"]').first()).toContainText("42");
});

test("a new board wants LASER 1: the admin pairs it on the operations page, then gives the machine back to its board", async ({ page }) => {
  await page.goto("/admin/equipment");
  await page.getByRole("link", { name: "LASER 1", exact: true }).click();
  await page.getByRole("link", { name: "Operations: hours, maintenance, boards, usage" }).click();
  const pairing = page.getByRole("region", { name: "Board pairing" });
  await expect(pairing.getByTestId("paired-board")).toContainText("connecting from 127.0.0.1");
  // Another device on the Wi-Fi: its own address and serial. Until an admin pairs it, it gets no decisions.
  const newcomer = new SimulatedBoard({
    url: mqttUrl,
    machineId: 1,
    localAddress: "127.0.0.9",
    identity: { serial: "e2e0000000b2" },
    timings: { reconnectMs: 500 },
  });
  try {
    await newcomer.start();
    await expect(async () => {
      await page.reload();
      await expect(pairing.getByTestId("pairing-request")).toContainText("serial e2e0000000b2");
    }).toPass();
    expect((await newcomer.swipe("efbeadde")).loggedIn).toBe(false);
    const pair = pairing.getByRole("form", { name: "Pair e2e0000000b2" });
    await pair.getByRole("button", { name: "Pair" }).click();
    await expect(pairing.getByTestId("paired-board")).toContainText("connecting from 127.0.0.9");
    // The broker makes it reconnect (its subscriptions were refused before); then it is the machine's board.
    await expect.poll(async () => (await newcomer.swipe("efbeadde")).loggedIn, { timeout: 20_000 }).toBe(true);
    await newcomer.stop();
  } finally {
    await newcomer.close();
  }
  // Swap back: open the window, the demo board announces itself and is paired again.
  const window = pairing.getByRole("form", { name: "Open the pairing window" });
  await window.getByRole("button", { name: "Open the pairing window" }).click();
  await expect(pairing.getByTestId("pairing-window")).toContainText("The pairing window is open until");
  // The broker reads windows from a table refreshed every few seconds; a real board repeats its alive (every
  // 2 minutes and at each connect), so the test repeats it until the window is seen.
  await expect(async () => {
    board.alive();
    await page.reload();
    await expect(pairing.getByTestId("paired-board")).toContainText("connecting from 127.0.0.1");
  }).toPass();
});

test("board credentials: the new password is shown once in its own field, never in the message", async ({ page }) => {
  const name = `CRED ${Date.now().toString(36)}`;
  await page.goto("/admin/equipment/machines/new");
  const create = page.getByRole("form", { name: "New machine" });
  await create.getByLabel("Name").fill(name);
  await create.getByLabel("Equipment type").selectOption({ label: "3D printer" });
  await create.getByRole("button", { name: "Create" }).click();
  await page.waitForURL(/\/admin\/equipment\/machines\/\d+$/);
  await page.goto(`${page.url()}/operations`);
  const form = page.getByRole("form", { name: "Board credentials" });
  await form.getByLabel("Board username").fill("cred-board");
  await form.getByRole("button", { name: "Set credentials" }).click();
  const password = await form.getByLabel("Board password (shown only now)").inputValue();
  expect(password.length).toBeGreaterThanOrEqual(16);
  const message = form.getByRole("status");
  await expect(message).toHaveText("Board login set for cred-board. The password is shown only now, below: put it into the board's firmware configuration.");
  await page.reload();
  await expect(page.getByRole("form", { name: "Board credentials" }).getByTestId("new-secret")).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Board credentials" })).toContainText("Board username: cred-board");
});
