import { expect, test } from "@playwright/test";
import { clickAndConfirm, DEMO_PASSWORD } from "./fixtures";
import { LoginPage } from "./pages/login-page";

// Tom Trainer owns the laser cutter type (level 2) without any staff permission. His own login in a fresh context,
// never logged out (other specs keep their sessions).
test.use({ storageState: { cookies: [], origins: [] } });

test("an owner runs the machines of his type (block with a reason, unblock, record maintenance) and no other", async ({ page }) => {
  test.slow(); // a login and six saves on a two-core machine
  const login = new LoginPage(page);
  await login.goto();
  await login.logIn("trainer@makerspace.local", DEMO_PASSWORD);
  await login.expectLoggedIn();

  // The printer is another type's machine: its operations page is refused.
  await page.goto("/machines");
  const printerHref = await page.getByRole("listitem", { name: "PRUSA MK4" }).getByRole("link", { name: "Details" }).getAttribute("href");
  const printerId = /\/machines\/(\d+)/.exec(printerHref ?? "")?.[1];
  expect(printerId).toBeTruthy();
  const refused = await page.goto(`/admin/equipment/machines/${printerId}/operations`);
  expect(refused?.status()).toBe(403);

  await page.goto("/machines/mine");
  const laser = page.getByRole("listitem", { name: "LASER 1" });
  await laser.getByRole("link", { name: "Run this machine" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("LASER 1");

  // Block with a reason, then back in service.
  const block = page.getByRole("form", { name: "Out of service" });
  await block.getByLabel("Reason (members see it)").fill("Lens cracked, new one ordered");
  await block.getByRole("button", { name: "Block the machine" }).click();
  await expect(page.getByRole("definition").filter({ hasText: "Lens cracked, new one ordered" })).toBeVisible();
  await page.getByRole("form", { name: "Out of service" }).getByRole("button", { name: "Put back in service" }).click();
  await expect(page.getByRole("form", { name: "Out of service" }).getByRole("button", { name: "Block the machine" })).toBeVisible();

  // A maintenance plan of his own, recorded as done by hand, then removed again.
  const add = page.getByRole("form", { name: "Add a maintenance plan" });
  await add.getByLabel("Every (hours)").fill("50");
  await add.getByLabel("Display text").fill("Owner check");
  await add.getByRole("button", { name: "Add a maintenance plan" }).click();
  await expect(add.getByRole("status")).toHaveText("Plan saved.");
  const done = page.getByRole("form", { name: 'Record "Owner check" as done' });
  await done.getByRole("button").click();
  await expect(done.getByRole("status")).toHaveText("Maintenance recorded.");
  await expect(page.locator("section[aria-labelledby=interventions]")).toContainText("Tom Trainer");
  const remove = page.getByRole("form", { name: 'Delete "Owner check"' });
  await clickAndConfirm(remove, 'Delete "Owner check"');
  await expect(page.getByRole("form", { name: 'Record "Owner check" as done' })).toHaveCount(0);
});
