import { expect, test } from "@playwright/test";
import { storageStateOf } from "./fixtures";
import { MainNav } from "./pages/main-nav";

test.describe("admin", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("sees and searches the people list", async ({ page }) => {
    await page.goto("/");
    await new MainNav(page).go("Admin", "People");
    await expect(page.getByRole("heading", { name: "People" })).toBeVisible();
    const table = page.getByRole("table");
    await expect(table.getByRole("row", { name: /Ada Admin/ })).toBeVisible();
    await expect(table.getByRole("row", { name: /Mario Rossi/ })).toBeVisible();

    await page.getByRole("searchbox").fill("EFBEADDE");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/q=EFBEADDE/);
    await expect(table.getByRole("row")).toHaveCount(2); // header + Mario
    await expect(table.getByRole("row", { name: /Mario Rossi/ })).toBeVisible();
  });
});
