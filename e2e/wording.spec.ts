import { expect, test } from "@playwright/test";
import { storageStateOf } from "./fixtures";

test.use({ storageState: storageStateOf("admin") });

// The space's own wording: an admin finds a text, changes it, sees it on the page, and resets it.
test("an admin changes the calendar's title in English and resets it", async ({ page }) => {
  await page.goto("/admin/settings/wording?lang=en&q=cal.title");
  const form = page.getByRole("form", { name: "Wording of cal.title" });
  try {
    await form.getByRole("textbox").fill("{oops");
    await form.getByRole("button", { name: "Save" }).click();
    await expect(form.getByRole("alert")).toContainText("The text is not valid");

    await form.getByRole("textbox").fill("Our club calendar");
    await form.getByRole("button", { name: "Save" }).click();
    await expect(form.getByRole("status")).toHaveText("Saved: the new text is in use.");

    await page.goto("/calendar");
    await expect(page.getByRole("heading", { level: 1, name: "Our club calendar" })).toBeVisible();
  } finally {
    await page.goto("/admin/settings/wording?lang=en&q=cal.title");
    await page.getByRole("form", { name: "Wording of cal.title" }).getByRole("button", { name: "Reset to default" }).click();
    await expect(page.getByRole("form", { name: "Wording of cal.title" }).getByRole("status")).toHaveText("Reset: the default text is in use again.");
  }
  await page.goto("/calendar");
  await expect(page.getByRole("heading", { level: 1, name: "Calendar" })).toBeVisible();
});
