import { expect, test, type APIRequestContext } from "@playwright/test";
import { storageStateOf } from "./fixtures";

/*
 * The pages that stream a slow part (components/ui/loading.tsx LoadingBoundary) in the browser: the part arrives
 * and replaces its loading status; a refusal is still a 403 with the not-allowed page. The redirects and 404s of
 * every streamed page: scripts/web/streamed-pages.int.test.ts.
 */
const LOADING = "Loading …";

async function statusOf(request: APIRequestContext, url: string) {
  const response = await request.get(url, { maxRedirects: 0 });
  return { status: response.status(), location: response.headers()["location"], body: await response.text() };
}

test.describe("a visitor", () => {
  test("sees the streamed public pages whole: the people, the calendar, the machines", async ({ page }) => {
    for (const [url, heading] of [
      ["/people", "Our members"],
      ["/calendar?view=agenda", "Calendar"],
      ["/machines", "Machines"],
    ] as const) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(200);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await expect(page.getByRole("status").filter({ hasText: LOADING })).toHaveCount(0);
    }
    await expect(page.getByRole("listitem", { name: "LASER 1" })).toBeVisible();
  });
});

test.describe("a member", () => {
  test.use({ storageState: storageStateOf("member") });

  test("is refused with 403 on the streamed admin people list, and sees no loading part", async ({ page }) => {
    for (const url of ["/admin/people", "/admin/people?q=mario"]) {
      const answer = await statusOf(page.request, url);
      expect(answer.status, url).toBe(403);
      expect(answer.body, url).toContain("Not allowed");
      expect(answer.body, url).not.toContain(LOADING);
    }
  });
});

test.describe("an admin", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("sees the streamed admin people list arrive whole", async ({ page }) => {
    await page.goto("/admin/people?q=mario");
    await expect(page.getByRole("cell", { name: "Mario Rossi" })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: LOADING })).toHaveCount(0);
  });
});
