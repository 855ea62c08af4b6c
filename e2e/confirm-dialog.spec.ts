import { expect, test } from "@playwright/test";
import { storageStateOf } from "./fixtures";

test.use({ storageState: storageStateOf("admin") });

/*
 * components/ui ConfirmButton in the browser: the dialog names what goes, and its "yes" sends the form once however
 * quickly it is clicked again (it stays open, disabled, until the answer is in).
 */
test("deleting a room asks by its name, and a double click on yes deletes it with one request", async ({ page }) => {
  const room = `Double-click room ${Date.now().toString(36)}`;
  await page.goto("/admin/rooms");
  await page.locator("#room-new-name").fill(room);
  await page
    .locator("form", { has: page.locator("#room-new-name") })
    .getByRole("button", { name: "Add" })
    .click();
  const item = page.locator("li", { has: page.locator(`input[value="${room}"]`) });
  await expect(item).toHaveCount(1);

  const sent: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.headers()["next-action"]) sent.push(request.url());
  });
  await item.getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("dialog", { name: `Delete “${room}”?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Delete" }).dblclick();
  await expect(item).toHaveCount(0);
  // A second submission React had queued would be sent by now; the reload is one more round trip after it.
  await page.reload();
  await expect(page.locator(`input[value="${room}"]`)).toHaveCount(0);
  expect(sent).toHaveLength(1);
});
