import { expect, test } from "@playwright/test";
import { storageStateOf, USERS } from "./fixtures";
import { MainNav } from "./pages/main-nav";

test.describe("membership administration and the audit log", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("an admin creates a membership status with flags and sees it listed", async ({ page }) => {
    const suffix = Date.now().toString(36);
    const name = `Honorary ${suffix}`;
    await page.goto("/");
    await new MainNav(page).go("Admin", "Membership");
    await expect(page.getByRole("heading", { name: "Membership administration" })).toBeVisible();
    await page.getByRole("link", { name: "Membership statuses" }).click();
    await expect(page.getByRole("heading", { name: "Membership statuses", level: 1 })).toBeVisible();

    const form = page.getByRole("form", { name: "New" });
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Key").fill(`honorary-${suffix}`);
    await expect(form.getByLabel("May log in")).toBeChecked();
    await form.getByLabel("Appears in the directory").check();
    await form.getByLabel("May vote").check();
    await form.getByRole("button", { name: "Add" }).click();
    await expect(form.getByRole("status")).toHaveText("Saved.");

    const item = page.getByRole("list", { name: "Membership statuses" }).getByRole("listitem", { name });
    await expect(item).toContainText("May log in · Appears in the directory · May vote");
    await expect(item.getByRole("button", { name: "Delete" })).toBeVisible();
  });

  test("an admin subscribes to a change type, then filters the audit log by a person and sees the entry", async ({ page }) => {
    await page.goto("/");
    await new MainNav(page).go("Admin", "Audit log");
    await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();

    const subscribe = page.getByRole("form", { name: "My email notifications" });
    await subscribe.getByLabel("Change type").fill("membership_status.*");
    await subscribe.getByRole("button", { name: "Subscribe" }).click();
    await expect(subscribe.getByRole("status")).toHaveText("Subscribed.");
    await expect(page.getByRole("button", { name: "Unsubscribe" })).toBeVisible();

    const filter = page.getByRole("search", { name: "Audit log" });
    await filter.getByLabel("Whose record").fill(USERS.admin.name);
    await filter.getByLabel("Change type").fill("audit.subscribe");
    await filter.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/person=Ada\+Admin/);
    const entries = page.getByRole("list", { name: "Audit entries" }).getByRole("listitem");
    await expect(entries.first()).toContainText("Subscribed to change notifications");
    await expect(entries.first()).toContainText("membership_status.*");
    await expect(entries.first().getByRole("link", { name: USERS.admin.name }).first()).toBeVisible();

    // Nobody else's records match that name.
    await filter.getByLabel("Whose record").fill(USERS.member.name);
    await filter.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/person=Mario\+Rossi/);
    await expect(page.getByText("No entries match.")).toBeVisible();
  });

  test("a person's page links to their entries in the audit log", async ({ page }) => {
    await page.goto("/admin/people");
    await page.getByRole("link", { name: USERS.member.name }).first().click();
    await expect(page).toHaveURL(/\/admin\/people\/\d+$/);
    const id = /\/admin\/people\/(\d+)$/.exec(page.url())![1]!;
    await page.getByRole("link", { name: "All changes in the audit log" }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/audit\\?person=%23${id}$`));
    await expect(page.getByRole("search", { name: "Audit log" }).getByLabel("Whose record")).toHaveValue(`#${id}`);
  });

  test("committees: a function is held by someone, so the committee cannot be deleted", async ({ page }) => {
    const committee = `Repair café ${Date.now().toString(36)}`;
    await page.goto("/admin/membership");
    await page.getByRole("link", { name: "Committees" }).click();
    const create = page.getByRole("form", { name: "New committee" });
    await create.getByLabel("Name").fill(committee);
    await create.getByRole("button", { name: "Add" }).click();
    await expect(create.getByRole("status")).toHaveText("Saved.");

    const section = page.getByRole("region", { name: committee });
    const newFunction = section.getByRole("form", { name: `New function: ${committee}` });
    await newFunction.getByLabel("New function").fill("Host");
    await newFunction.getByRole("button", { name: "Add" }).click();
    const assign = section.getByRole("form", { name: "Assign: Host" });
    await assign.getByLabel("Person (member number or email)").fill(USERS.maria.email);
    await assign.getByRole("button", { name: "Assign" }).click();
    await expect(section.getByText(`Held by: ${USERS.maria.name}`)).toBeVisible();

    const remove = section.getByRole("form", { name: `Delete: ${committee}` });
    await remove.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
    await expect(remove.getByRole("alert")).toContainText("cannot be deleted");
    await page.reload();
    await expect(page.getByRole("region", { name: committee })).toBeVisible();
  });

  test("the end-of-year action asks for confirmation and says how many people it moved", async ({ page }) => {
    await page.goto("/admin/membership");
    const form = page.getByRole("form", { name: "End of the association year" });
    // A year long past: nobody's membership covers it, so the shared e2e data stays as it is.
    await form.getByLabel("Last day of the association year").fill("2000-12-31");
    await form.getByLabel("Yes, move these people to “former”").check();
    await form.getByRole("button", { name: "Run the end of the year" }).click();
    await expect(form.getByRole("status")).toHaveText("0 people were moved to “former”.");
  });
});
