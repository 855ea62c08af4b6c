import { expect, test } from "@playwright/test";
import { storageStateOf } from "./fixtures";

test.describe("space settings", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("an admin renames the space and sees it in the header, the title and the calendar feed", async ({ page, request }) => {
    await page.goto("/admin/settings");
    await expect(page.getByRole("heading", { name: "Space settings" })).toBeVisible();
    const name = page.getByLabel("Name of the space");
    const original = await name.inputValue();
    try {
      await name.fill("Fablab Süd");
      await page.getByRole("button", { name: "Save settings" }).click();
      await expect(page.getByRole("status")).toHaveText("Settings saved.");
      await expect(page.getByTestId("space-name")).toHaveText("Fablab Süd");
      await page.goto("/");
      await expect(page.getByTestId("space-name")).toHaveText("Fablab Süd");
      await expect(page).toHaveTitle(/Fablab Süd/);
      const feed = await request.get("/calendar.ics");
      if (feed.status() !== 404) {
        expect(feed.status()).toBe(200);
        expect((await feed.text()).replace(/\r\n[ \t]/g, "")).toContain("X-WR-CALNAME:Fablab Süd");
      }
    } finally {
      await page.goto("/admin/settings");
      await page.getByLabel("Name of the space").fill(original);
      await page.getByRole("button", { name: "Save settings" }).click();
      await expect(page.getByRole("status")).toHaveText("Settings saved.");
    }
  });

  test("bad input is refused with the field named and the typed values kept; the SMTP password is never shown", async ({ page }) => {
    await page.goto("/admin/settings");
    await page.getByLabel("Time zone").fill("Mars/Olympus");
    await page.getByRole("button", { name: "Save settings" }).click();
    // The refusal sits beside its field, which says it is invalid.
    await expect(page.getByLabel("Time zone")).toHaveAccessibleDescription(/Time zone: please check this value/);
    await expect(page.getByLabel("Time zone")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Time zone")).toHaveValue("Mars/Olympus");
    await expect(page.getByLabel("SMTP password")).toHaveValue("");
  });

  test("the API's browser origins are saved here: a bad entry is named, a saved origin gets CORS answers at once", async ({ page, request }) => {
    const preflight = async (origin: string) =>
      (await request.fetch("/api/v1/machines", { method: "OPTIONS", headers: { origin, "access-control-request-method": "GET" } })).headers()[
        "access-control-allow-origin"
      ];
    await page.goto("/admin/settings");
    const origins = page.getByLabel("Web pages that may call the API from the browser (CORS origins)");
    const original = await origins.inputValue();
    try {
      await origins.fill("https://door.example.org\nhttps://*.example.org");
      await page.getByRole("button", { name: "Save settings" }).click();
      await expect(origins).toHaveAccessibleDescription(/“https:\/\/\*\.example\.org” contains “\*”/);
      await expect(origins).toHaveAttribute("aria-invalid", "true");
      await expect(origins).toHaveValue("https://door.example.org\nhttps://*.example.org");
      expect(await preflight("https://door.example.org")).toBeUndefined();

      await origins.fill("https://door.example.org/\nhttp://localhost:5173");
      await page.getByRole("button", { name: "Save settings" }).click();
      await expect(page.getByRole("status")).toHaveText("Settings saved.");
      await page.reload();
      await expect(origins).toHaveValue("https://door.example.org\nhttp://localhost:5173");
      expect(await preflight("https://door.example.org")).toBe("https://door.example.org");
      expect(await preflight("https://other.example.org")).toBeUndefined();
    } finally {
      await page.goto("/admin/settings");
      await origins.fill(original);
      await page.getByRole("button", { name: "Save settings" }).click();
      await expect(page.getByRole("status")).toHaveText("Settings saved.");
    }
    expect(await preflight("https://door.example.org")).toBeUndefined();
  });

  test("the test mail button reports its result", async ({ page }) => {
    await page.goto("/admin/settings");
    await page.getByRole("button", { name: "Send a test mail to me" }).click();
    // Without saved SMTP settings the env's SMTP_URL is used (e2e mailbox port, possibly not listening).
    // The outcome (status or alert), not the "SMTP server" field label.
    await expect(
      page
        .getByRole("status")
        .or(page.getByRole("alert"))
        .filter({ hasText: /Test mail sent to|SMTP server|Sending failed|No SMTP server/ }),
    ).toBeVisible();
  });

  test("the system page shows the version and database", async ({ page }) => {
    await page.goto("/admin/system");
    await expect(page.getByRole("heading", { name: "System", exact: true })).toBeVisible();
    await expect(page.getByTestId("app-version")).not.toBeEmpty();
    await expect(page.getByRole("cell", { name: "people", exact: true })).toBeVisible();
  });
});

test.describe("member", () => {
  test.use({ storageState: storageStateOf("member") });

  test("may not open the settings or system pages, nor download backups", async ({ page, request }) => {
    for (const path of ["/admin/settings", "/admin/system"]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
    }
    expect((await request.get("/admin/system/backup")).status()).toBe(403);
  });
});
