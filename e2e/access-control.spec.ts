import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, USERS, storageStateOf } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { MainNav } from "./pages/main-nav";

test.describe("member", () => {
  test.use({ storageState: storageStateOf("member") });

  test("is refused on the admin people page", async ({ page }) => {
    const response = await page.goto("/admin/people");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
    expect(await new MainNav(page).linkNames()).not.toContain("People");
  });

  test("sees their membership, cards and equipment", async ({ page }) => {
    await page.goto("/home");
    await expect(page.getByRole("heading", { name: "Hello, Mario" })).toBeVisible();
    await expect(page.getByText("efbeadde")).toBeVisible();
    await expect(page.getByText("Laser cutter")).toBeVisible();
  });
});

test("anonymous visitors are sent to the login page, and come back to their page after logging in", async ({ page }) => {
  await page.goto("/home");
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/admin/people?q=mario");
  await expect(page).toHaveURL(/\/login\?next=%2Fadmin%2Fpeople%3Fq%3Dmario$/);
  const login = new LoginPage(page);
  await login.logIn(USERS.admin.email, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/admin\/people\?q=mario$/);
});
