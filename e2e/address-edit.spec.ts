import { expect, test, type Locator } from "@playwright/test";
import { storageStateOf } from "./fixtures";

test.use({ storageState: storageStateOf("member") });

/** Submits a form and waits until React has applied the action's answer (the button is enabled again). */
async function submit(form: Locator, button: string): Promise<void> {
  await form.getByRole("button", { name: button }).click();
  await expect(form.getByRole("button", { name: button })).toBeEnabled();
}

test("a member edits their own address and sees the change; bad input keeps what they typed", async ({ page }) => {
  const street = `Werkstattgasse ${Date.now() % 100_000}`;
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
