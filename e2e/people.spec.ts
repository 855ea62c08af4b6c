import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, USERS, storageStateOf } from "./fixtures";
import { LoginPage } from "./pages/login-page";

/** Submits a form and waits until React has applied the action's answer (the button is enabled again). */
async function submit(page: Page, form: ReturnType<Page["getByRole"]>, button: string): Promise<void> {
  await form.getByRole("button", { name: button }).click();
  await expect(form.getByRole("button", { name: button })).toBeEnabled();
}

test.describe("admin", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("creates a member, edits them and sees the change in the history", async ({ page }) => {
    const email = `erika.${Date.now()}@example.org`;
    await page.goto("/admin/people");
    await page.getByRole("link", { name: "New person" }).click();
    const create = page.getByRole("form", { name: "New person" });
    await create.getByLabel("First name").fill("Erika");
    await create.getByLabel("Last name").fill("Mustermann");
    await create.getByLabel("Email").fill(email);
    await create.getByRole("button", { name: "Create person" }).click();
    await expect(page.getByRole("heading", { name: "Erika Mustermann" })).toBeVisible();
    await expect(page).toHaveURL(/\/admin\/people\/\d+$/);

    const profile = page.getByRole("form", { name: "Profile" });
    await profile.getByLabel("Company").fill("Muster Labs");
    await submit(page, profile, "Save profile");
    await expect(profile.getByRole("status")).toHaveText("Saved.");

    const history = page.getByRole("list", { name: "History" });
    await expect(history.getByText("Profile changed")).toBeVisible();
    await expect(history.getByRole("row", { name: "Company – Muster Labs" })).toBeVisible();
    await expect(history.getByText("Person added")).toBeVisible();
    await expect(history.getByText("by Ada Admin").first()).toBeVisible();
    await expect(history).not.toContainText("profile.update");
    // Someone else's record reads "Cards", not "My cards"; its history reads in words and local time: no keys, JSON,
    // bare ids or UTC.
    await expect(page.getByRole("heading", { name: "Cards", exact: true })).toBeVisible();
    await expect(page.getByText("My cards")).toHaveCount(0);
    await expect(history).not.toContainText(/[{}]|#\d|UTC|\d{4}-\d{2}-\d{2}T\d/);

    // The new member shows up in the list, found by email.
    await page.goto(`/admin/people?q=${encodeURIComponent(email)}`);
    await expect(page.getByRole("table").getByRole("link", { name: "Erika Mustermann" })).toBeVisible();
  });

  test("a duplicate email is refused by name and the typed values stay", async ({ page }) => {
    await page.goto("/admin/people/new");
    const create = page.getByRole("form", { name: "New person" });
    await create.getByLabel("First name").fill("Copy");
    await create.getByLabel("Email").fill("MARIA@makerspace.local");
    await submit(page, create, "Create person");
    await expect(create.getByRole("alert")).toContainText("already used by another person");
    await expect(create.getByLabel("First name")).toHaveValue("Copy");
  });
});

test.describe("member", () => {
  test.use({ storageState: storageStateOf("member") });

  test("hides their phone from members; another member no longer sees it", async ({ page, browser }) => {
    await page.goto("/profile");
    const profile = page.getByRole("form", { name: "My profile" });
    await profile.getByLabel("Phone").fill("+43 660 7654321");
    await submit(page, profile, "Save profile");
    await expect(profile.getByRole("status")).toHaveText("Saved.");
    const visibility = page.getByRole("form", { name: "Who sees what" });
    await visibility.getByLabel("Phone").selectOption({ label: "members" });
    await submit(page, visibility, "Save visibility");
    await expect(visibility.getByRole("status")).toHaveText("Saved.");

    // A second, separate session: without Mario's stored cookies (new contexts inherit the describe's storageState).
    const maria = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const mariaPage = await maria.newPage();
    const login = new LoginPage(mariaPage);
    await login.goto();
    await login.logIn(USERS.maria.email, DEMO_PASSWORD);
    await login.expectLoggedIn();
    await mariaPage.goto("/directory");
    const mario = mariaPage.getByRole("listitem", { name: "Mario Rossi" });
    await expect(mario).toContainText("+43 660 7654321");

    await page.reload();
    await page.getByRole("form", { name: "Who sees what" }).getByLabel("Phone").selectOption({ label: "the board only" });
    await submit(page, page.getByRole("form", { name: "Who sees what" }), "Save visibility");
    await expect(page.getByRole("form", { name: "Who sees what" }).getByRole("status")).toHaveText("Saved.");

    await mariaPage.reload();
    await expect(mario).toBeVisible();
    await expect(mario).not.toContainText("+43 660 7654321");
    await maria.close();
  });
});
