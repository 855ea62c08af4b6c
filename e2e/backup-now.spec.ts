import { expect, test } from "@playwright/test";
import { storageStateOf } from "./fixtures";

test.describe("admin", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("backs up now from the system page: the new manual backup is listed and downloadable; rows are counted", async ({ page, request }) => {
    await page.goto("/admin/system");
    const backups = page.getByRole("region", { name: "Backups" });
    await expect(backups).toBeVisible();
    await backups.getByRole("button", { name: "Back up now" }).click();
    await expect(backups.getByText("The backup has started; its progress shows below.")).toBeVisible();
    // The page follows the run until it is done.
    await expect(backups.getByTestId("backup-last")).toContainText("The last backup started by hand finished", { timeout: 60_000 });
    await expect(backups.getByRole("cell", { name: /\(manual\)$/ }).first()).toBeVisible();
    await expect(backups.getByRole("button", { name: "Back up now" })).toBeEnabled();
    const download = await request.get("/admin/system/backup");
    expect(download.status()).toBe(200);
    expect(download.headers()["content-disposition"]).toMatch(/backup-.*-manual/);

    // Row counts are counted, not the planner's guess (which is 0 on the embedded database).
    const people = page.getByRole("row").filter({ has: page.getByRole("cell", { name: "people", exact: true }) });
    const rows = Number(await people.getByRole("cell").nth(2).innerText());
    expect(rows).toBeGreaterThanOrEqual(5);
  });
});
