import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "./fixtures";
import { LoginPage } from "./pages/login-page";

/**
 * axe (WCAG 2.0/2.1/2.2 A and AA) over every page, for each role: a visitor, an applicant, a member, a trainer and an
 * admin. Pages with an id are found through the page that lists them. Each role's run collects every violation
 * and fails on any, naming the page, the rule and the elements.
 */
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

type Role = "visitor" | "applicant" | "member" | "trainer" | "admin";

const LOGINS: Record<Exclude<Role, "visitor">, string> = {
  applicant: "applicant@makerspace.local",
  member: "member@makerspace.local",
  trainer: "trainer@makerspace.local",
  admin: "admin@makerspace.local",
};

const PUBLIC_PAGES = ["/", "/calendar", "/machines", "/news", "/api/v1/docs"];
const OWN_PAGES = ["/home", "/home/usage", "/profile", "/profile/tokens", "/equipment", "/calendar/feed", "/polls"];
const MEMBER_PAGES = ["/bookings", "/directory", "/things", "/locations", "/loans", "/things/labels"];

/** Listed page → the first link on it matching a detail page; `required`: the seed alone always gives one. */
type Detail = { from: string; link: RegExp; required?: boolean };
const DETAIL_PAGES: Detail[] = [
  { from: "/news", link: /^\/news\/\d+$/ },
  // Events are linked by slug ("open-evening-3"); /events/confirm/… and an event's .csv are not its page.
  { from: "/calendar", link: /^\/events\/[a-z0-9]+(-[a-z0-9]+)*$/, required: true },
  { from: "/calendar", link: /^\/rooms\/\d+$/ },
];
const MEMBER_DETAILS: { from: string; link: RegExp }[] = [
  { from: "/polls", link: /^\/polls\/\d+$/ },
  { from: "/things", link: /^\/things\/\d+$/ },
  { from: "/locations", link: /^\/locations\/\d+$/ },
  { from: "/machines", link: /^\/machines\/\d+$/ },
  { from: "/equipment", link: /^\/training\/sessions\/\d+$/ },
];

const ADMIN_PAGES = [
  "/admin/people",
  "/admin/people/new",
  "/admin/people/applicants",
  "/admin/people/import",
  "/admin/membership",
  "/admin/membership/statuses",
  "/admin/membership/types",
  "/admin/membership/committees",
  "/admin/membership/address-types",
  "/admin/membership/study-fields",
  "/admin/membership/mailing-lists",
  "/admin/cards",
  "/admin/audit",
  "/admin/usage",
  "/admin/maintenance",
  "/admin/equipment",
  "/admin/equipment/people",
  "/admin/equipment/test-card",
  "/admin/equipment/types/new",
  "/admin/equipment/machines/new",
  "/admin/events/new",
  "/admin/rooms",
  "/admin/news",
  "/admin/sensors",
  "/admin/settings",
  "/admin/system",
  "/admin/api",
  "/admin/webhooks",
  "/admin/sso",
  "/admin/import/fabomatic",
  "/training",
  "/things/new",
  "/things/import",
  "/polls/new",
];
const ADMIN_DETAILS: { from: string; link: RegExp }[] = [
  { from: "/admin/people", link: /^\/admin\/people\/\d+$/ },
  { from: "/admin/equipment", link: /^\/admin\/equipment\/types\/\d+$/ },
  { from: "/admin/equipment", link: /^\/admin\/equipment\/machines\/\d+$/ },
  { from: "/admin/equipment/people", link: /^\/admin\/equipment\/people\/\d+$/ },
  { from: "/machines", link: /^\/admin\/equipment\/machines\/\d+\/operations$/ },
  { from: "/admin/membership/mailing-lists", link: /^\/admin\/membership\/mailing-lists\/\d+$/ },
  { from: "/things", link: /^\/things\/\d+$/ },
];

const PAGES: Record<Role, { paths: string[]; details: { from: string; link: RegExp }[] }> = {
  visitor: { paths: [...PUBLIC_PAGES, "/login", "/forgot-password", "/signup"], details: DETAIL_PAGES },
  applicant: { paths: [...PUBLIC_PAGES, ...OWN_PAGES], details: DETAIL_PAGES },
  member: { paths: [...PUBLIC_PAGES, ...OWN_PAGES, ...MEMBER_PAGES], details: [...DETAIL_PAGES, ...MEMBER_DETAILS] },
  trainer: { paths: ["/home", "/equipment", "/training"], details: [{ from: "/training", link: /^\/training\/sessions\/\d+$/ }] },
  admin: { paths: [...PUBLIC_PAGES, ...OWN_PAGES, ...MEMBER_PAGES, ...ADMIN_PAGES], details: [...DETAIL_PAGES, ...MEMBER_DETAILS, ...ADMIN_DETAILS] },
};

async function pageFor(browser: Browser, role: Role): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  if (role === "visitor") return page;
  const login = new LoginPage(page);
  await login.goto();
  await login.logIn(LOGINS[role], DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/home$/);
  return page;
}

async function detailPaths(page: Page, details: Detail[]): Promise<string[]> {
  const found: string[] = [];
  for (const { from, link, required } of details) {
    await page.goto(from);
    const hrefs = await page.locator("main a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    const match = hrefs.find((h) => link.test(h));
    // The seed's events are on every calendar: their pattern finding none means it no longer fits the links (it
    // matched only numbers once events were linked by slug, and the event page went unchecked without a word).
    if (required) expect(match, `a link matching ${link} on ${from}`).toBeTruthy();
    if (match && !found.includes(match)) found.push(match);
  }
  return found;
}

async function violationsOn(page: Page, path: string): Promise<string[]> {
  const response = await page.goto(path);
  expect(response?.status(), `${path} answers`).toBeLessThan(400);
  await page.waitForLoadState("networkidle");
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations.map(
    (v) =>
      `${path}: ${v.id} (${v.impact}) — ${v.help}\n    ${v.nodes
        .slice(0, 5)
        .map((n) => `${n.target.join(" ")} ${n.failureSummary?.split("\n").slice(1, 2).join(" ") ?? ""}`)
        .join("\n    ")}`,
  );
}

for (const role of ["visitor", "applicant", "member", "trainer", "admin"] as const) {
  test(`every page has no axe violation (WCAG 2.2 AA) for the ${role}`, async ({ browser }) => {
    test.setTimeout(10 * 60_000);
    const page = await pageFor(browser, role);
    const { paths, details } = PAGES[role];
    const found0 = await detailPaths(page, details);
    // The admin's walk must reach pages with an id (people, things, polls, news, types, machines …), else it shrinks
    // silently; what other roles find depends on what earlier specs created.
    if (role === "admin") expect(found0.length, `detail pages found: ${found0.join(" ")}`).toBeGreaterThanOrEqual(6);
    const all = [...paths, ...found0];
    test.info().annotations.push({ type: "pages checked", description: all.join(" ") });
    const found: string[] = [];
    for (const path of all) found.push(...(await violationsOn(page, path)));
    expect(found, found.join("\n")).toEqual([]);
  });
}

test("the menu opened on a phone has no axe violation", async ({ browser }) => {
  const page = await pageFor(browser, "admin");
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/admin/people");
  await expect(async () => {
    await page.getByRole("button", { name: "Menu" }).click();
    await expect(page.getByRole("button", { name: "Menu" })).toHaveAttribute("aria-expanded", "true", { timeout: 1_000 });
  }).toPass();
  await page.getByRole("button", { name: "Admin", exact: true }).click();
  const open = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(open.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});

test("the people picker, open with its results, has no axe violation", async ({ browser }) => {
  const page = await pageFor(browser, "admin");
  await page.goto("/admin/cards");
  const form = page.getByRole("form", { name: "Register a card" });
  const person = form.getByRole("combobox", { name: "Person" });
  await person.fill("Mar");
  await expect(form.getByRole("option", { name: /Mario Rossi/ })).toBeVisible();
  await expect(form.getByRole("option", { name: /Maria Huber/ })).toBeVisible();
  await expect(person).toHaveAttribute("aria-expanded", "true");
  await person.press("ArrowDown");
  await expect(person).toHaveAttribute("aria-activedescendant", /.+/);
  const open = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(open.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});

test("the machines dashboard with its marks (current page, may use, machine states) has no axe violation", async ({ browser }) => {
  const page = await pageFor(browser, "member");
  await page.goto("/machines");
  // The current page is marked in the menu; each tile says whether this member may use it, and its state.
  await expect(page.getByRole("navigation").locator('[aria-current="page"]').first()).toBeAttached();
  await expect(page.locator('[data-testid="tile-may-use"][data-may-use="true"]').first()).toBeVisible();
  await expect(page.locator('[data-testid="tile-may-use"][data-may-use="false"]').first()).toBeVisible();
  await expect(page.getByTestId("tile-state").first()).toBeVisible();
  await expect(page.getByTestId("machine-counts")).toBeVisible();
  const marked = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(marked.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});
