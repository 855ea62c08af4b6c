import { expect, test, type Page } from "@playwright/test";
import { storageStateOf } from "./fixtures";
import { MainNav } from "./pages/main-nav";

// A small phone: nothing may force the page to scroll sideways.
test.use({ viewport: { width: 360, height: 740 } });

async function expectNoSidewaysScroll(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${path} is wider than the phone`).toBeLessThanOrEqual(0);
}

test("public pages fit a phone", async ({ page }) => {
  for (const path of ["/", "/login", "/forgot-password"]) await expectNoSidewaysScroll(page, path);
});

test.describe("admin on a phone", () => {
  test.use({ storageState: storageStateOf("admin") });
  test("member home and people list fit", async ({ page }) => {
    await expectNoSidewaysScroll(page, "/home");
    await expectNoSidewaysScroll(page, "/admin/people");
    await new MainNav(page).open("Admin");
    await expect(page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "People", exact: true })).toBeVisible();
  });
});
