import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, USERS, storageStateOf } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { MainNav } from "./pages/main-nav";

test.describe("roles an admin shapes", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("an admin creates a role with two permissions, gives it to a member, and the member uses one", async ({ page, browser }) => {
    // Fifteen page loads, three saves, a second browser and a login on a two-core machine: over 30 s under load (it
    // stopped at Maria's login at load 19–21), not a step waiting on anything of its own.
    test.slow();
    const roleName = `Newsroom ${Date.now().toString(36)}`;
    await page.goto("/admin/roles");
    await expect(page.getByRole("heading", { name: "Roles", level: 1 })).toBeVisible();
    await page.getByRole("link", { name: "New role" }).click();
    await expect(page).toHaveURL(/\/admin\/roles\/new$/);
    const create = page.getByRole("form", { name: "New role" });
    await create.getByLabel("Name").fill(roleName);
    // Grouped and explained: the permission is found by what it means.
    await create
      .getByRole("group", { name: "Space, calendar and community" })
      .getByLabel(/^Write news/)
      .check();
    await create
      .getByRole("group", { name: "Space, calendar and community" })
      .getByLabel(/^Open and close the space/)
      .check();
    await create.getByRole("button", { name: "Create role" }).click();
    // Created, it opens on its own page.
    await expect(page.getByRole("heading", { name: roleName, level: 1 })).toBeVisible();
    await expect(page).toHaveURL(/\/admin\/roles\/\d+$/);
    const roleUrl = page.url();
    await expect(page.getByTestId("role-permissions")).toHaveText("Write news · Open and close the space");
    await expect(page.getByText("Nobody holds this role.")).toBeVisible();
    await page.goto("/admin/roles");
    await expect(page.getByRole("listitem", { name: roleName }).getByTestId("role-permissions")).toHaveText("Write news · Open and close the space");

    // Give it to Maria directly, from today.
    await page.goto("/admin/people");
    await page.getByRole("link", { name: USERS.maria.name }).first().click();
    await expect(page).toHaveURL(/\/admin\/people\/\d+$/);
    const personUrl = page.url();
    const give = page.getByRole("form", { name: "Give role" });
    await give.getByLabel("Role").selectOption({ label: roleName });
    await give.getByRole("button", { name: "Give role" }).click();
    await expect(give.getByRole("status")).toHaveText("Role given.");
    await expect(page.getByRole("list", { name: "Roles held directly" }).getByRole("listitem", { name: roleName })).toContainText("since");

    // The roles page says how many hold it; the role's page who and why.
    await page.goto("/admin/roles");
    await page.getByRole("listitem", { name: roleName }).getByRole("link", { name: "Held by 1" }).click();
    const holders = page.getByRole("region", { name: "Held by 1" });
    await expect(holders.getByRole("link", { name: USERS.maria.name })).toBeVisible();
    await expect(holders.getByText(/given directly since/)).toBeVisible();
    // A page past the end shows the last one.
    await page.goto(`${roleUrl}?page=999`);
    await expect(page.getByRole("region", { name: "Held by 1" }).getByRole("link", { name: USERS.maria.name })).toBeVisible();

    // Maria now has the News menu and publishes a post.
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const maria = await context.newPage();
    const login = new LoginPage(maria);
    await login.goto();
    await login.logIn(USERS.maria.email, DEMO_PASSWORD);
    await login.expectLoggedIn();
    await new MainNav(maria).go("Admin", "Write news");
    const post = maria.getByRole("form", { name: "New post" });
    const title = `Open night ${Date.now().toString(36)}`;
    await post.getByLabel("Title").fill(title);
    await post.getByLabel("Text").fill("Come and build things.");
    await post.getByRole("button", { name: "Publish" }).click();
    await expect(post.getByRole("status")).toHaveText("Post published.");
    await maria.goto("/news");
    await expect(maria.getByText(title)).toBeVisible();

    // Ending the role takes the menu and the page away again.
    await page.goto(personUrl);
    const end = page.getByRole("form", { name: `End role: ${roleName}` });
    await end.getByRole("button", { name: "End role" }).click();
    // It asks first (components/ui/confirm-button.tsx).
    await end.getByRole("dialog").getByRole("button", { name: "End role" }).click();
    // Given today and ended today, it never counted: it is gone (the audit log keeps both steps).
    await expect(page.getByText("No roles given directly.")).toBeVisible();
    const refused = await maria.goto("/admin/news");
    expect(refused?.status()).toBe(403);
    await context.close();
  });

  test("an admin changes and deletes a role on its edit page", async ({ page }) => {
    const roleName = `Tidy team ${Date.now().toString(36)}`;
    await page.goto("/admin/roles/new");
    const create = page.getByRole("form", { name: "New role" });
    await create.getByLabel("Name").fill(roleName);
    await create.getByRole("button", { name: "Create role" }).click();
    await expect(page.getByRole("heading", { name: roleName, level: 1 })).toBeVisible();
    // The role's page carries no form of the role: editing and deleting are a page of their own.
    await expect(page.getByRole("form", { name: `Edit: ${roleName}` })).toHaveCount(0);
    await page.getByRole("link", { name: "Edit role" }).click();
    await expect(page).toHaveURL(/\/admin\/roles\/\d+\/edit$/);
    const edit = page.getByRole("form", { name: `Edit: ${roleName}` });
    await edit.getByLabel("Description").fill("Keeps the workshop tidy");
    await edit.getByRole("button", { name: "Save role" }).click();
    await expect(edit.getByRole("status")).toHaveText("Role saved.");
    // Deleted (it asks first), the role is gone from the overview.
    const remove = page.getByRole("form", { name: `Delete role: ${roleName}` });
    await remove.getByRole("button", { name: "Delete role" }).click();
    await remove.getByRole("dialog").getByRole("button", { name: "Delete role" }).click();
    await expect(page).toHaveURL(/\/admin\/roles$/);
    await expect(page.getByRole("listitem", { name: roleName })).toHaveCount(0);
  });

  test("an admin finds a holder of the Member role by name", async ({ page }) => {
    await page.goto("/admin/roles");
    await page
      .getByRole("listitem", { name: "Member" })
      .getByRole("link", { name: /^Held by \d+$/ })
      .click();
    await expect(page.getByRole("heading", { name: "Member", level: 1 })).toBeVisible();
    const find = page.getByRole("search", { name: "Find a holder" });
    await find.getByLabel("Find a holder").fill("huber");
    await find.getByRole("button", { name: "Search" }).click();
    const found = page.getByRole("region", { name: "1 holder matches" });
    await expect(found.getByRole("link", { name: USERS.maria.name })).toBeVisible();
    await expect(found.getByText("status Member")).toBeVisible();
    // A name nobody holding it has finds nobody; "All holders" lists them again.
    await find.getByLabel("Find a holder").fill("nobody-is-called-this");
    await find.getByRole("button", { name: "Search" }).click();
    await expect(page.getByText("No holder of this role matches.")).toBeVisible();
    await page.getByRole("link", { name: "All holders" }).click();
    await expect(page.getByRole("region", { name: /^Held by \d+$/ }).getByRole("link", { name: USERS.maria.name })).toBeVisible();
  });

  test("a member has no roles page", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateOf("member") });
    const page = await context.newPage();
    const response = await page.goto("/admin/roles");
    expect(response?.status()).toBe(403);
    expect((await page.goto("/admin/roles/new"))?.status()).toBe(403);
    expect((await page.goto("/admin/roles/1"))?.status()).toBe(403);
    expect((await page.goto("/admin/roles/1/edit"))?.status()).toBe(403);
    await expect(page.getByRole("link", { name: "Roles", exact: true })).toHaveCount(0);
    await context.close();
  });
});
