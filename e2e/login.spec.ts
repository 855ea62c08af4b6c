import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, USERS } from "./fixtures";
import { LoginPage } from "./pages/login-page";

test("a wrong password shows an error and no session", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.logIn(USERS.maria.email, "not-the-password");
  await expect(login.error).toHaveText("Email or password is wrong.");
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/home");
  await expect(page).toHaveURL(/\/login$/);
});

test("logout ends the session", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.logIn(USERS.maria.email, DEMO_PASSWORD);
  await login.expectLoggedIn();
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page.getByRole("link", { name: "Log in" }).first()).toBeVisible();
  await page.goto("/home");
  await expect(page).toHaveURL(/\/login$/);
});
