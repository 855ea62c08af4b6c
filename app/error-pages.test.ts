import fs from "node:fs";
import path from "node:path";
import { NextIntlClientProvider } from "next-intl";
import { createElement, type FunctionComponent } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CATALOGS } from "@/lib/i18n/catalogs";
import { encodeKey } from "@/lib/i18n/keys";
import type { MessageKey } from "@/lib/i18n/messages/en";
import AdminErrorPage from "./(admin)/error";
import ErrorPage from "./error";
import GlobalError from "./global-error";
import { GlobalErrorPage } from "./global-error-page";

const ERROR_KEYS = ["error.title", "error.body", "error.retry", "error.reference", "error.referenceHint"] as const satisfies readonly MessageKey[];

// A server error as Next hands it to error.tsx in production: a generic message and the digest of the real one.
const serverError = () => Object.assign(new Error('relation "people" does not exist at 10.0.0.5'), { digest: "2817305123" });

function render(page: FunctionComponent<{ error: unknown; retry: () => void }>, locale: "en" | "de" | "nl" | "it" = "en", error: unknown = serverError()) {
  const messages = Object.fromEntries(ERROR_KEYS.map((key) => [encodeKey(key), CATALOGS[locale][key]]));
  const children = createElement(page, { error, retry: () => {} });
  // The provider's props type asks for children among them (its overloads refuse a third argument).
  // eslint-disable-next-line react/no-children-prop
  return renderToStaticMarkup(createElement(NextIntlClientProvider, { locale, timeZone: "UTC", messages, children }));
}

describe("error pages", () => {
  it("say something went wrong in the reader's language, offer to try again, and never show the error's message", () => {
    for (const locale of ["en", "de", "nl", "it"] as const) {
      const html = render(ErrorPage, locale);
      expect(html).toContain(`<h1 class="text-2xl font-bold">${CATALOGS[locale]["error.title"]}</h1>`);
      expect(html).toMatch(new RegExp(`<button type="button" class="[^"]*">${CATALOGS[locale]["error.retry"]}</button>`));
      expect(html).not.toContain("relation");
      expect(html).not.toContain("2817305123");
    }
  });

  it("give an admin page's reader the reference to quote, in their language", () => {
    const html = render(AdminErrorPage, "de");
    expect(html).toContain("Referenz: 2817305123");
    expect(html).toContain(CATALOGS.de["error.referenceHint"]);
    expect(html).not.toContain("relation");
  });

  it("show no reference line when the error has no digest (thrown in the browser)", () => {
    expect(render(AdminErrorPage, "en", new Error("x"))).not.toContain('data-testid="error-reference"');
    expect(render(AdminErrorPage, "en", "a string")).not.toContain('data-testid="error-reference"');
  });

  it("get their messages from the root layout, which passes only the keys it names to the browser", () => {
    const layout = fs.readFileSync(path.join(import.meta.dirname, "layout.tsx"), "utf8");
    for (const key of ERROR_KEYS) expect(layout).toContain(`"${key}"`);
  });

  it("when the root layout failed: a whole document in the chosen language, with the reference and a way home, never the message", () => {
    for (const locale of ["en", "de", "nl", "it"] as const) {
      const text = CATALOGS[locale];
      const html = renderToStaticMarkup(createElement(GlobalErrorPage, { error: serverError(), retry: () => {}, locale }));
      expect(html, locale).toMatch(
        new RegExp(`^<html lang="${locale}"><head><title>${text["error.title"]}</title></head><body class="[^"]*bg-slate-50[^"]*">`),
      );
      expect(html, locale).toContain(`<h1 class="text-2xl font-bold">${text["error.title"]}</h1>`);
      expect(html, locale).toContain(text["error.body"]);
      expect(html, locale).toMatch(new RegExp(`<button type="button" class="[^"]*">${text["error.retry"]}</button>`));
      expect(html, locale).toMatch(new RegExp(`<a class="[^"]*border-slate-300[^"]*" href="/">${text["error.home"]}</a>`));
      expect(html, locale).toContain(text["error.reference"].replace("{digest}", "2817305123"));
      expect(html, locale).not.toContain("relation");
      expect(html, locale).not.toContain("10.0.0.5");
    }
  });

  it("when the root layout failed: English where no browser tells the reader's languages", () => {
    const html = renderToStaticMarkup(createElement(GlobalError, { error: serverError(), retry: () => {} }));
    expect(html).toMatch(/^<html lang="en">/);
    expect(html).toContain(">Try again</button>");
    expect(html).not.toContain("relation");
  });
});
