import { expect, test } from "@playwright/test";

test("the language switch turns the navigation German and back", async ({ page }) => {
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Main navigation" });
  await expect(page.getByRole("link", { name: "Log in" }).first()).toBeVisible();

  await page.getByRole("button", { name: "Deutsch" }).click();
  await expect(page.getByRole("navigation", { name: "Hauptnavigation" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Anmelden" }).first()).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "de");

  // The choice sticks (cookie) across pages.
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Anmelden" })).toBeVisible();

  await page.getByRole("button", { name: "English" }).click();
  await expect(nav).toBeVisible();
});
