import type { Browser } from "@playwright/test";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spaceSettings } from "@/lib/db/schema";
import { settingsFromEnv } from "@/lib/domain/settings/space-settings";
import { parseEnv } from "@/lib/env";
import { createDemoDatabase, DEMO_PASSWORD, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { launchChromium } from "@/lib/testing/chromium";
import { waitFor } from "@/lib/testing/wait-for";
import { submitForm } from "../testing/forms";
import { startWebApp, type WebApp } from "../testing/web-app";

/*
 * app/global-error.tsx on the built app in a browser: the root layout fails when the person behind the session
 * cannot be read (here a table it needs is gone; in life the database away after the settings were kept). The server
 * answers with an empty shell and the browser shows the app's own error page — in the browser's language, with the
 * reference the server logged, never the error's text — and "Try again" brings the page back once it works.
 */

let t: DemoDatabase;
let app: WebApp;
let browser: Browser;
let session: { name: string; value: string };

beforeAll(async () => {
  t = await createDemoDatabase();
  // The space offers no Dutch: a reader who asks for it gets the space's default, German.
  const { updatedAt: _u, ...defaults } = settingsFromEnv(parseEnv({}));
  await t.db.insert(spaceSettings).values({ ...defaults, languages: ["en", "de", "it"], defaultLanguage: "de" });
  app = await startWebApp(t.url);
  const login = await submitForm(app.port, "/login", { email: "member@makerspace.local", password: DEMO_PASSWORD });
  const cookie = ([] as string[]).concat(login.headers["set-cookie"] ?? []).find((c) => c.includes("session-token"));
  const [name, value] = (cookie ?? "").split(";")[0]!.split("=");
  expect(name && value, "the member is logged in").toBeTruthy();
  session = { name: name!, value: value! };
  browser = await launchChromium();
}, 15 * 60_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await t?.close();
});

describe("when the root layout fails", () => {
  it("the browser shows the app's error page in the reader's language with the logged reference, and Try again brings the page back", async () => {
    const context = await browser.newContext({ locale: "de-AT" });
    await context.addCookies([{ ...session, url: app.origin }]);
    const page = await context.newPage();

    await t.db.execute(sql`alter table membership_statuses rename to membership_statuses_away`);
    try {
      const response = await page.goto(`${app.origin}/`);
      expect(response?.status()).toBe(500);
      await page.getByRole("heading", { level: 1, name: "Etwas ist schiefgegangen" }).waitFor({ timeout: 20_000 });
      expect(await page.locator("html").getAttribute("lang")).toBe("de");
      expect(await page.title()).toBe("Etwas ist schiefgegangen");
      const reference = /^Referenz: (\S+)$/.exec((await page.getByTestId("error-reference").locator(".font-mono").textContent()) ?? "")?.[1];
      expect(reference, "the page gives the error's reference").toBeTruthy();
      await waitFor("the web's error line with the same reference", () => app.output().includes(`failed (reference ${reference})`));
      expect(await page.getByRole("link", { name: "Zur Startseite" }).getAttribute("href")).toBe("/");
      const text = (await page.locator("body").textContent()) ?? "";
      expect(text).not.toContain("membership_statuses");
      expect(text).not.toContain("relation");
      // The app's look: the stylesheet came with the page (Tailwind's slate-50 behind it, not the browser's white).
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toMatch(/^rgba?\(255, 255, 255|^rgba\(0, 0, 0, 0\)$/);
    } finally {
      await t.db.execute(sql`alter table membership_statuses_away rename to membership_statuses`);
    }

    await page.getByRole("button", { name: "Erneut versuchen" }).click();
    await page.locator("#main-content").waitFor({ timeout: 20_000 });
    expect(await page.getByRole("heading", { name: "Etwas ist schiefgegangen" }).count()).toBe(0);
    await context.close();
  });

  it("with JavaScript, the error page speaks the language the server chose (the switch's), not the browser's", async () => {
    const context = await browser.newContext({ locale: "en-GB" });
    await context.addCookies([
      { ...session, url: app.origin },
      { name: "locale", value: "it", url: app.origin }, // the language switch's choice beats the browser's
    ]);
    const page = await context.newPage();
    await t.db.execute(sql`alter table membership_statuses rename to membership_statuses_away`);
    try {
      expect((await page.goto(`${app.origin}/`))?.status()).toBe(500);
      await page.getByRole("heading", { level: 1, name: "Qualcosa è andato storto" }).waitFor({ timeout: 20_000 });
      expect(await page.locator("html").getAttribute("lang")).toBe("it");
      expect(await page.getByRole("button", { name: "Riprova" }).isVisible()).toBe(true);
    } finally {
      await t.db.execute(sql`alter table membership_statuses_away rename to membership_statuses`);
    }
    await context.close();
  });

  it("without JavaScript the reader still sees the message in the chosen language, a way to try again and one home", async () => {
    // Chromium with JavaScript off: Next's error page alone is an empty document.
    const context = await browser.newContext({ locale: "en-GB", javaScriptEnabled: false });
    await context.addCookies([
      { ...session, url: app.origin },
      { name: "locale", value: "it", url: app.origin }, // the language switch's choice beats the browser's
    ]);
    const page = await context.newPage();
    await t.db.execute(sql`alter table membership_statuses rename to membership_statuses_away`);
    try {
      const response = await page.goto(`${app.origin}/calendar?view=agenda`);
      expect(response?.status()).toBe(500);
      // Compressed as every other answer (Next's compression is off; the web server's does it).
      expect(response?.headers()["content-encoding"]).toBe("gzip");
      expect(await page.getByRole("heading", { level: 1, name: "Qualcosa è andato storto" }).isVisible()).toBe(true);
      expect(await page.locator("html").getAttribute("lang")).toBe("it");
      expect(await page.getByRole("link", { name: "Riprova" }).getAttribute("href")).toBe("/calendar?view=agenda");
      expect(await page.getByRole("link", { name: "Vai alla pagina iniziale" }).getAttribute("href")).toBe("/");
      expect((await page.locator("body").textContent()) ?? "").not.toContain("membership_statuses");
    } finally {
      await t.db.execute(sql`alter table membership_statuses_away rename to membership_statuses`);
    }
    await context.close();
  });

  it("without JavaScript, a language the space does not offer gives way to the space's default", async () => {
    const context = await browser.newContext({ locale: "nl-NL", javaScriptEnabled: false });
    await context.addCookies([
      { ...session, url: app.origin },
      { name: "locale", value: "nl", url: app.origin }, // a switch's choice from before the space stopped offering Dutch
    ]);
    const page = await context.newPage();
    await t.db.execute(sql`alter table membership_statuses rename to membership_statuses_away`);
    try {
      const response = await page.goto(`${app.origin}/calendar`);
      expect(response?.status()).toBe(500);
      expect(await page.locator("html").getAttribute("lang")).toBe("de");
      expect(await page.getByRole("heading", { level: 1, name: "Etwas ist schiefgegangen" }).isVisible()).toBe(true);
    } finally {
      await t.db.execute(sql`alter table membership_statuses_away rename to membership_statuses`);
    }
    await context.close();
  });

  it("a page that works is compressed and carries no such message", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.goto(`${app.origin}/login`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()["content-encoding"]).toBe("gzip");
    expect(await page.locator("noscript main").count()).toBe(0);
    await context.close();
  });
});
