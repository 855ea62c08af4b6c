import { expect, test } from "@playwright/test";
import { storageStateOf } from "./fixtures";

test.describe("member", () => {
  test.use({ storageState: storageStateOf("member") });

  test("is refused on the admin people page", async ({ page }) => {
    const response = await page.goto("/admin/people");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
    await expect(page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "People" })).toHaveCount(0);
  });

  test("sees their membership, cards and equipment", async ({ page }) => {
    await page.goto("/home");
    await expect(page.getByRole("heading", { name: "Hello, Mario" })).toBeVisible();
    await expect(page.getByText("efbeadde")).toBeVisible();
    await expect(page.getByText("Laser cutter")).toBeVisible();
  });
});

test("anonymous visitors are sent to the login page", async ({ page }) => {
  await page.goto("/admin/people");
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/home");
  await expect(page).toHaveURL(/\/login$/);
});
