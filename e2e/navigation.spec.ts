import { expect, test, type Page } from "@playwright/test";
import { storageStateOf } from "./fixtures";
import { MainNav } from "./pages/main-nav";

// A small phone: the menu sits behind one button and is used by keyboard alone here.
test.use({ viewport: { width: 360, height: 740 } });

const headerHeight = async (page: Page) => (await page.locator("header").boundingBox())?.height ?? Infinity;

/** Tab until the element is focused (the header hydrates meanwhile; nothing here relies on a mouse). */
async function tabTo(page: Page, target: ReturnType<Page["getByRole"]>, max = 40) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("never reached by Tab");
}

test.describe("admin on a phone", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("skip link, menu button, grouped admin menu and the current page, by keyboard", async ({ page }) => {
    await page.goto("/home");
    const nav = new MainNav(page);
    const menu = page.getByRole("button", { name: "Menu" });
    await expect(menu).toBeVisible();
    await expect(nav.nav).toBeHidden();
    expect(await headerHeight(page), "the closed header is one row").toBeLessThanOrEqual(80);

    // The skip link is the first stop and leads past the header.
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator("main")).toBeFocused();

    // Menu → Admin → People, keyboard only (retried until the header has hydrated).
    await expect(async () => {
      await tabTo(page, menu);
      await page.keyboard.press("Enter");
      await expect(menu).toHaveAttribute("aria-expanded", "true", { timeout: 1_000 });
    }).toPass();
    await expect(nav.nav).toBeVisible();
    await expect(nav.group("My space")).toBeVisible();
    await expect(nav.group("Calendar & machines")).toBeVisible();
    const admin = nav.group("Admin");
    await tabTo(page, admin);
    await page.keyboard.press("Enter");
    await expect(admin).toHaveAttribute("aria-expanded", "true");
    // The admin links come in areas.
    await expect(nav.nav.getByRole("list", { name: "People & membership" })).toBeVisible();
    await expect(nav.nav.getByRole("list", { name: "System" })).toBeVisible();
    const people = nav.nav.getByRole("link", { name: "People", exact: true });
    await tabTo(page, people);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/admin\/people$/);

    // A new page closes the menu; reopened, it marks where we are.
    await expect(nav.nav).toBeHidden();
    await nav.open("Admin");
    await expect(people).toHaveAttribute("aria-current", "page");
    await expect(nav.group("Admin")).toHaveAttribute("data-current", "true");
    await expect(nav.nav.getByRole("link", { name: "Membership" })).not.toHaveAttribute("aria-current", "page");

    // Escape closes the open group and gives focus back to its button.
    await people.focus();
    await page.keyboard.press("Escape");
    await expect(admin).toHaveAttribute("aria-expanded", "false");
    await expect(admin).toBeFocused();
    await expect(people).toBeHidden();
  });
});

test.describe("member on a phone", () => {
  test.use({ storageState: storageStateOf("member") });

  test("sees their own space and no admin group; the words for machines cannot be confused", async ({ page }) => {
    await page.goto("/home");
    const nav = new MainNav(page);
    const links = await nav.linkNames();
    await expect(nav.group("Admin")).toHaveCount(0);
    expect(links).toEqual(expect.arrayContaining(["My start page", "My profile", "My permits & training", "My bookings", "Calendar", "Machine status"]));
    expect(links.filter((l) => /^(Machines|Equipment|My equipment)$/.test(l))).toEqual([]);
    expect(links).not.toContain("People");
  });
});

test("a visitor sees Log in without opening the menu", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Log in" }).first()).toBeVisible();
  const nav = new MainNav(page);
  expect(await nav.linkNames()).toEqual(["Calendar", "Machine status", "News", "Members"]);
});
