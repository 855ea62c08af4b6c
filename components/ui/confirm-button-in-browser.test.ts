import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { noBrowserHere } from "@/lib/testing/chromium";
import { openInBrowser, type BrowserPage } from "./testing/in-browser";

/*
 * ConfirmButton with real events: its form's own submit handler may cancel the submit "yes" starts (the page checks
 * something first); the dialog must not be left with a "yes" that does nothing. Whether the form is cancelling is
 * the page's `cancelSubmit`; its action counts what it is sent in `sent` and never answers (the form stays pending).
 */
const ENTRY = `
import { NextIntlClientProvider } from "next-intl";
import { createRoot } from "react-dom/client";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { encodeKey } from "@/lib/i18n/keys";
import { en } from "@/lib/i18n/messages/en";

const page = window as unknown as { cancelSubmit: boolean; sent: number };
page.cancelSubmit = true;
page.sent = 0;
const keys = ["form.confirm.undone", "form.confirm.back", "form.confirm.working"] as const;
const messages = Object.fromEntries(keys.map((key) => [encodeKey(key), en[key]]));

createRoot(document.getElementById("root")!).render(
  <NextIntlClientProvider locale="en" timeZone="UTC" messages={messages}>
    <form
      action={async () => {
        page.sent += 1;
        await new Promise(() => {});
      }}
      onSubmit={(event) => {
        if (page.cancelSubmit) event.preventDefault();
      }}
    >
      <ConfirmButton question="Delete the room?">Delete</ConfirmButton>
    </form>
  </NextIntlClientProvider>,
);
`;

let browser: BrowserPage;
// Every timer the page set before this (the button's look at the submit among them) has run when it resolves.
const timersRun = () => browser.page.evaluate(() => new Promise((resolve) => setTimeout(resolve)));

// Part of `npm run test:unit`: without a browser it is skipped, saying why, except in CI.
const noBrowser = noBrowserHere();
if (noBrowser) console.warn(noBrowser);

describe.skipIf(noBrowser)("ConfirmButton in the browser", () => {
  beforeAll(async () => {
    browser = await openInBrowser(ENTRY);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it("closes when the form's own handler cancels the submit, and sends the next time it is answered yes", async () => {
    const { page } = browser;
    const dialog = page.getByRole("dialog", { name: "Delete the room?" });
    await page.getByRole("button", { name: "Delete" }).click();
    await dialog.waitFor({ timeout: 10_000 });
    await dialog.getByRole("button", { name: "Delete" }).click();
    await dialog.waitFor({ state: "hidden", timeout: 10_000 });
    expect(await page.evaluate(() => (window as unknown as { sent: number }).sent)).toBe(0);

    await page.evaluate(() => ((window as unknown as { cancelSubmit: boolean }).cancelSubmit = false));
    await page.getByRole("button", { name: "Delete" }).click();
    await dialog.getByRole("button", { name: "Delete" }).click();
    await dialog.getByRole("button", { name: "Working on it…" }).waitFor({ timeout: 10_000 });
    await timersRun();
    expect(await dialog.isVisible(), "a form being sent keeps its dialog open").toBe(true);
    expect(await page.evaluate(() => (window as unknown as { sent: number }).sent)).toBe(1);
  });
});
