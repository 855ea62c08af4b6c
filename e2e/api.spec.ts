import { expect, test } from "@playwright/test";
import { storageStateOf } from "./fixtures";

test.describe("member", () => {
  test.use({ storageState: storageStateOf("member") });

  test("creates a personal token on the profile page, uses it on the API, revokes it", async ({ page, request }) => {
    await page.goto("/profile");
    await page.getByRole("link", { name: "API tokens for your scripts" }).click();
    const form = page.getByRole("form", { name: "Create token" });
    // A member cannot open the space: that scope is not even offered.
    await expect(form.getByLabel(/^write:open-status/)).toHaveCount(0);
    await form.getByLabel("Name (what it is for)").fill("calendar bot");
    await form.getByLabel(/^read:events/).check();
    await form.getByRole("button", { name: "Create token" }).click();
    const secret = await form.getByTestId("new-secret").inputValue();
    expect(secret).toMatch(/^msk_/);

    const headers = { authorization: `Bearer ${secret}` };
    const me = await request.get("/api/v1/me", { headers });
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({ kind: "person", name: "Mario Rossi", scopes: ["read:events"] });
    expect((await request.get("/api/v1/events", { headers })).status()).toBe(200);
    const noScope = await request.get("/api/v1/members", { headers });
    expect(noScope.status()).toBe(403);
    expect(noScope.headers()["content-type"]).toContain("application/problem+json");

    await page.reload();
    const row = page.getByRole("row").filter({ hasText: "calendar bot" });
    await expect(row).toContainText("read:events");
    await row.getByRole("button", { name: "Revoke" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke" }).click();
    await expect(row).toContainText("(revoked)");
    await expect(row.getByRole("button", { name: "Revoke" })).toHaveCount(0);
    expect((await request.get("/api/v1/me", { headers })).status()).toBe(401);
  });
});

test.describe("admin", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("gives a service identity a token that opens the space", async ({ page, request }) => {
    await page.goto("/admin/api");
    const create = page.getByRole("form", { name: "Create service" });
    await create.getByLabel("Name").fill("Door display");
    await create.getByLabel(/^space\.open/).check();
    await create.getByRole("button", { name: "Create service" }).click();
    await expect(create.getByText("Service created.")).toBeVisible();
    await page.getByRole("link", { name: "Door display" }).click();
    const form = page.getByRole("form", { name: "Create token" });
    await form.getByLabel("Name (what it is for)").fill("hallway");
    await form.getByLabel(/^write:open-status/).check();
    await form.getByRole("button", { name: "Create token" }).click();
    const secret = await form.getByTestId("new-secret").inputValue();

    const put = await request.put("/api/v1/open-status", { headers: { authorization: `Bearer ${secret}` }, data: { open: true, message: "Open evening" } });
    expect(put.status()).toBe(200);
    expect(await put.json()).toMatchObject({ open: true, message: "Open evening" });
  });
});

test("the API documentation is readable without logging in and matches the document", async ({ page, request }) => {
  const doc = await (await request.get("/api/v1/openapi.json")).json();
  expect(doc.openapi).toBe("3.1.0");
  await page.goto("/api/v1/docs");
  await expect(page.getByRole("heading", { level: 1, name: "API documentation" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "GET /api/v1/members" })).toBeVisible();
  await expect(page.locator("#problem-rate-limited")).toContainText("429");
  expect((await request.get("/api/v1/nothing-here")).status()).toBe(404);
});
