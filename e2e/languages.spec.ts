import { expect, test, type Page } from "@playwright/test";
import { storageStateOf, USERS } from "./fixtures";

// Dutch and Italian walked like a member of those clubs would: the switch, the public pages, a form error, the
// member's own pages, dates in the language. The logged-in walk sets the cookie directly so the demo member's
// saved language (which the other specs rely on) stays English.
const LANGUAGES = [
  {
    locale: "nl",
    tag: "nl-NL",
    button: "Nederlands",
    nav: "Hoofdnavigatie",
    logIn: "Inloggen",
    wrongPassword: "E-mailadres of wachtwoord klopt niet.",
    calendar: "Agenda",
    machines: "Machines",
    greeting: "Hallo, Mario",
    things: "Inventaris",
    equipment: "Mijn apparatuur",
    logOut: "Uitloggen",
  },
  {
    locale: "it",
    tag: "it-IT",
    button: "Italiano",
    nav: "Navigazione principale",
    logIn: "Accedi",
    wrongPassword: "Email o password errata.",
    calendar: "Calendario",
    machines: "Macchine",
    greeting: "Ciao, Mario",
    things: "Inventario",
    equipment: "Le mie attrezzature",
    logOut: "Esci",
  },
] as const;

const heading = (page: Page, name: string) => page.getByRole("heading", { level: 1, name });

for (const lang of LANGUAGES) {
  test.describe(`in ${lang.button}`, () => {
    test("the switch, the public pages and a form error", async ({ page }) => {
      await page.goto("/");
      await page.getByRole("button", { name: lang.button }).click();
      await expect(page.getByRole("navigation", { name: lang.nav })).toBeVisible();
      await expect(page.locator("html")).toHaveAttribute("lang", lang.locale);

      await page.goto("/calendar");
      await expect(heading(page, lang.calendar)).toBeVisible();
      // The month is named in the language (the space's zone, Europe/Vienna in the demo).
      const month = new Intl.DateTimeFormat(lang.tag, { month: "long", timeZone: "Europe/Vienna" }).format(new Date());
      await expect(page.getByRole("main")).toContainText(month);

      await page.goto("/machines");
      await expect(heading(page, lang.machines)).toBeVisible();

      await page.goto("/login");
      await expect(heading(page, lang.logIn)).toBeVisible();
      await page.locator("input[name=email]").fill(USERS.maria.email);
      await page.locator("input[name=password]").fill("not-the-password");
      await page.getByRole("main").getByRole("button", { name: lang.logIn }).click();
      await expect(page.getByRole("main").getByRole("alert")).toHaveText(lang.wrongPassword);
    });

    test.describe("a member's pages", () => {
      test.use({ storageState: storageStateOf("member") });

      test("home, inventory and equipment", async ({ page, context, baseURL }) => {
        await context.addCookies([{ name: "locale", value: lang.locale, url: baseURL! }]);
        await page.goto("/home");
        await expect(heading(page, lang.greeting)).toBeVisible();
        await expect(page.getByRole("button", { name: lang.logOut })).toBeVisible();
        await page.goto("/things");
        await expect(heading(page, lang.things)).toBeVisible();
        await page.goto("/equipment");
        await expect(heading(page, lang.equipment)).toBeVisible();
      });
    });
  });
}
