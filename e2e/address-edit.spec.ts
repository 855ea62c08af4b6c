import { expect, test, type Locator } from "@playwright/test";
import { storageStateOf } from "./fixtures";

// Serial: the admin edits the address the member's test left behind.
test.describe.configure({ mode: "serial" });
const street = `Werkstattgasse ${Date.now() % 100_000}`;

/** Submits a form and waits until React has applied the action's answer (the button is enabled again). */
async function submit(form: Locator, button: string): Promise<void> {
  await form.getByRole("button", { name: button }).click();
  await expect(form.getByRole("button", { name: button })).toBeEnabled();
}

test.describe("member", () => {
  test.use({ storageState: storageStateOf("member") });

  test("a member edits their own address and sees the change; bad input keeps what they typed", async ({ page }) => {
    await page.goto("/profile");
    const add = page.getByRole("form", { name: "Add address" });
    await add.getByLabel("Street and number").fill(street);
    await add.getByLabel("Postal code").fill("4400");
    await add.getByLabel("City").fill("Steyr");
    await submit(add, "Add address");

    const item = page.getByRole("listitem").filter({ hasText: `${street}, 4400 Steyr` });
    await item.getByText("Edit", { exact: true }).click();
    const edit = page.getByRole("form", { name: `Edit address ${street}, 4400 Steyr` });
    await edit.getByLabel("Street and number").fill("");
    await edit.getByLabel("City").fill("Linz");
    await submit(edit, "Save address");
    await expect(edit.getByRole("alert")).toContainText('"Street and number"');
    await expect(edit.getByLabel("City")).toHaveValue("Linz");

    await edit.getByLabel("Street and number").fill(`${street}a`);
    await edit.getByLabel("Postal code").fill("4020");
    await edit.getByRole("button", { name: "Save address" }).click();
    await expect(page.getByRole("listitem").filter({ hasText: `${street}a, 4020 Linz` })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("listitem").filter({ hasText: `${street}a, 4020 Linz` })).toBeVisible();
    await expect(page.getByRole("listitem").filter({ hasText: `${street}, 4400 Steyr` })).toHaveCount(0);
  });
});

test.describe("admin", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("an admin edits a member's address on the person page; it shows in the history", async ({ page }) => {
    await page.goto("/admin/people?q=member%40makerspace.local");
    await page
      .getByRole("table")
      .getByRole("link", { name: /Mario Rossi/ })
      .click();
    const item = page.getByRole("listitem").filter({ hasText: `${street}a, 4020 Linz` });
    await item.getByText("Edit", { exact: true }).click();
    const edit = page.getByRole("form", { name: `Edit address ${street}a, 4020 Linz` });
    await edit.getByLabel("Postal code").fill("4600");
    await edit.getByLabel("City").fill("Wels");
    await edit.getByRole("button", { name: "Save address" }).click();
    await expect(page.getByRole("listitem").filter({ hasText: `${street}a, 4600 Wels` })).toBeVisible();
    const history = page.getByRole("region", { name: "History" });
    await expect(history).toContainText("Address changed");
    await expect(history).toContainText("by Ada Admin");
    // Labels, names and local times: no change keys, no JSON, no ids.
    await expect(history).not.toContainText("address.update");
    await expect(history).not.toContainText("{");
    await expect(history).not.toContainText("#");
  });
});
