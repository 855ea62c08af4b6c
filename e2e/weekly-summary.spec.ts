import { expect, test } from "@playwright/test";
import { storageStateOf } from "./fixtures";

test.describe("admin", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("turns the weekly summary mail on and off on the profile page", async ({ page }) => {
    await page.goto("/profile");
    const form = page.getByRole("form", { name: "Weekly summary by email" });
    const box = form.getByLabel("Send me the weekly summary");
    await expect(box).not.toBeChecked();
    await box.check();
    await form.getByRole("button", { name: "Save" }).click();
    await expect(form.getByText("You get the weekly summary.")).toBeVisible();
    await page.reload();
    await expect(page.getByRole("form", { name: "Weekly summary by email" }).getByLabel("Send me the weekly summary")).toBeChecked();

    const again = page.getByRole("form", { name: "Weekly summary by email" });
    await again.getByLabel("Send me the weekly summary").uncheck();
    await again.getByRole("button", { name: "Save" }).click();
    await expect(again.getByText("You do not get the weekly summary.")).toBeVisible();
  });
});

test.describe("member", () => {
  test.use({ storageState: storageStateOf("member") });

  test("does not see the staff summary opt-in", async ({ page }) => {
    await page.goto("/profile");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("form", { name: "Weekly summary by email" })).toHaveCount(0);
  });
});
