import { expect, test } from "@playwright/test";
import { storageStateOf } from "./fixtures";

test.describe("my record", () => {
  test.use({ storageState: storageStateOf("member") });

  test("a member reads everything stored about them, with its change history and a download", async ({ page }) => {
    await page.goto("/home");
    await page.getByRole("link", { name: "My record" }).click();
    await expect(page).toHaveURL(/\/profile\/record$/);
    await expect(page.getByRole("heading", { name: "My record", level: 1 })).toBeVisible();
    for (const section of ["Profile", "Cards", "Equipment authorizations", "Machine use", "Things borrowed", "Event registrations", "Changes to your record"]) {
      await expect(page.getByRole("region", { name: new RegExp(`^${section}`) })).toBeVisible();
    }
    // The demo member's card is part of the record.
    await expect(page.getByRole("region", { name: /^Cards/ })).toContainText("efbeadde");
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: /JSON/ }).click();
    const file = await download;
    const data = JSON.parse(await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8")));
    expect(Object.keys(data)).toEqual(expect.arrayContaining(["profile", "cards", "usage", "loans", "registrations", "trainings", "roles", "history"]));
  });
});
