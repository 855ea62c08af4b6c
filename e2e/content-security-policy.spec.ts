import { expect, test, type Page } from "@playwright/test";
import { storageStateOf } from "./fixtures";
import { MainNav } from "./pages/main-nav";

// The pages work under the Content-Security-Policy (scripts only with the response's nonce): no violation is
// reported in the console, the client components hydrate, and navigation within the app still works.
function watchViolations(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (/Content[- ]Security[- ]Policy|Refused to (execute|load|apply)/i.test(m.text())) problems.push(`${page.url()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`${page.url()}: ${e.message}`));
  return problems;
}

const PUBLIC_PAGES = ["/", "/login", "/signup", "/forgot-password", "/calendar", "/news"];
const ADMIN_PAGES = ["/home", "/training", "/machines", "/things", "/polls", "/calendar", "/admin/people", "/admin/settings", "/admin/system", "/profile"];

test("public pages: no CSP violations, and the login form works", async ({ page }) => {
  const problems = watchViolations(page);
  for (const path of PUBLIC_PAGES) {
    const response = await page.goto(path);
    expect(response?.headers()["content-security-policy"]).toContain("'nonce-");
    await page.waitForLoadState("networkidle");
  }
  // A client component (the language switch) still reacts after hydration.
  await page.goto("/login");
  await page.getByRole("button", { name: "Deutsch" }).click();
  await expect(page.getByRole("button", { name: "Deutsch" })).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("button", { name: "English" }).click();
  expect(problems).toEqual([]);
});

test.describe("admin", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("main pages: no CSP violations, client-side navigation works", async ({ page }) => {
    const problems = watchViolations(page);
    for (const path of ADMIN_PAGES) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBeLessThan(400);
      await page.waitForLoadState("networkidle");
    }
    await page.goto("/home");
    await new MainNav(page).go("Admin", "People");
    await expect(page).toHaveURL(/\/people/);
    expect(problems).toEqual([]);
  });
});
