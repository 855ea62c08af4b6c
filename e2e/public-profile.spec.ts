import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, USERS } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { MainNav } from "./pages/main-nav";

async function submit(form: ReturnType<Page["getByRole"]>, button: string): Promise<void> {
  await form.getByRole("button", { name: button }).click();
  await expect(form.getByRole("button", { name: button })).toBeEnabled();
  await expect(form.getByRole("status")).toHaveText("Saved.");
}

/** Maria's visibility for name and interests (the rest stays as it was). */
async function showMaria(page: Page, audience: "everyone" | "members"): Promise<void> {
  await page.goto("/profile");
  const visibility = page.getByRole("form", { name: "Who sees what" });
  await visibility.getByLabel("Name").selectOption({ label: audience });
  await visibility.getByLabel("Interests").selectOption({ label: audience });
  await submit(visibility, "Save visibility");
}

// Maria logs in in her own context (never logged out: other specs keep their saved sessions); the visitor has none.
test.use({ storageState: { cookies: [], origins: [] } });

test("a visitor finds a member who made her name public and sees only the public fields", async ({ page, browser }) => {
  test.slow(); // two browsers, a login and four saves on a two-core machine
  const login = new LoginPage(page);
  await login.goto();
  await login.logIn(USERS.maria.email, DEMO_PASSWORD);
  await login.expectLoggedIn();
  await page.goto("/profile");
  const profile = page.getByRole("form", { name: "My profile" });
  await profile.getByLabel("Interests").fill("Laser cutting and bookbinding");
  await profile.getByLabel("Phone").fill("+43 660 1112233");
  await submit(profile, "Save profile");
  await showMaria(page, "everyone");

  const visitor = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  try {
    await visitor.goto("/");
    await new MainNav(visitor).go("Calendar & machines", "Members");
    await expect(visitor.getByRole("heading", { name: "Our members" })).toBeVisible();
    await visitor.getByRole("link", { name: USERS.maria.name }).click();
    await expect(visitor).toHaveURL(/\/people\/maria-huber$/);
    await expect(visitor.getByRole("heading", { name: USERS.maria.name })).toBeVisible();
    await expect(visitor.getByText("Laser cutting and bookbinding")).toBeVisible();
    await expect(visitor.locator("main")).not.toContainText("+43 660 1112233");
    await expect(visitor.locator("main")).not.toContainText(USERS.maria.email);

    // Back to members only: the same address is now a 404 for the visitor, and she leaves the list.
    await showMaria(page, "members");
    const gone = await visitor.goto("/people/maria-huber");
    expect(gone?.status()).toBe(404);
    await visitor.goto("/people");
    await expect(visitor.getByRole("link", { name: USERS.maria.name })).toHaveCount(0);
  } finally {
    await visitor.context().close();
  }
});
