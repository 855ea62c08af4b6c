import { expect, test, type Browser, type Page } from "@playwright/test";
import { storageStateOf, USERS } from "./fixtures";

async function as(browser: Browser, role: "admin" | "member"): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ storageState: storageStateOf(role) });
  return { page: await context.newPage(), close: () => context.close() };
}

test("an admin makes an opt-in list, a member joins it on the profile page, the admin sees and exports the address", async ({ browser }) => {
  const suffix = Date.now().toString(36);
  const name = `Makers ${suffix}`;
  const admin = await as(browser, "admin");
  await admin.page.goto("/admin/membership");
  await admin.page.getByRole("link", { name: "Mailing lists" }).click();
  const form = admin.page.getByRole("form", { name: "New mailing list" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("List address").fill(`makers-${suffix}@space.test`);
  await form.getByLabel(/Members may put themselves on this list/).check();
  await form.getByRole("button", { name: "Create list" }).click();
  await expect(admin.page.getByRole("heading", { name })).toBeVisible();
  await expect(admin.page.getByText("Nobody is on this list.")).toBeVisible();
  const listUrl = admin.page.url();

  const member = await as(browser, "member");
  await member.page.goto("/profile");
  const lists = member.page.getByRole("form", { name: "Mailing lists" });
  await lists.getByLabel(new RegExp(name)).check();
  await lists.getByRole("button", { name: "Save my lists" }).click();
  await expect(member.page.getByRole("status").filter({ hasText: "Your lists are saved." })).toBeVisible();
  await member.close();

  await admin.page.goto(listUrl);
  await expect(admin.page.getByTestId("list-addresses")).toContainText(USERS.member.email);
  const exported = await admin.page.request.get(`${new URL(listUrl).pathname}/export?format=txt`);
  expect(await exported.text()).toBe(`${USERS.member.email}\n`);
  const csv = await admin.page.request.get(`${new URL(listUrl).pathname}/export?format=csv`);
  expect(await csv.text()).toContain(`${USERS.member.email},${USERS.member.name},`);
  await admin.close();
});
