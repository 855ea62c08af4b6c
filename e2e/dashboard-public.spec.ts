import { expect, test } from "@playwright/test";
import { storageStateOf } from "./fixtures";

// One source of truth: when the admin saves the machines dashboard as logged-in only, a visitor is sent to log in at
// once (not after a cache runs out), and saving it public again opens it again.
async function saveDashboardPublic(page: import("@playwright/test").Page, isPublic: boolean) {
  await page.goto("/admin/settings");
  const box = page.getByLabel("Machines dashboard is public (otherwise logged-in people only)");
  await box.setChecked(isPublic);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toHaveText("Settings saved.");
}

test("the machines dashboard follows the saved setting for visitors at once", async ({ browser, playwright, baseURL }) => {
  const admin = await (await browser.newContext({ storageState: storageStateOf("admin") })).newPage();
  const visitor = await playwright.request.newContext({ baseURL });
  try {
    expect((await visitor.get("/machines", { maxRedirects: 0 })).status()).toBe(200);
    await saveDashboardPublic(admin, false);
    const closed = await visitor.get("/machines", { maxRedirects: 0 });
    expect(closed.status()).toBe(307);
    expect(closed.headers().location).toContain("/login");
    await admin.reload();
    await expect(admin.getByLabel("Machines dashboard is public (otherwise logged-in people only)")).not.toBeChecked();
  } finally {
    await saveDashboardPublic(admin, true);
  }
  expect((await visitor.get("/machines", { maxRedirects: 0 })).status()).toBe(200);
  await visitor.dispose();
});
