"use client";

import { useSyncExternalStore } from "react";
import { isLocale, localeFromLanguages, type Locale } from "@/lib/i18n/locales";
import { GlobalErrorPage } from "./global-error-page";
import "./globals.css";

/*
 * When the root layout itself fails (the database gone before the person or the header could be read), this
 * replaces it, <html> and all. Nothing of the server is at hand here — not the request's language, not the space's
 * wording — but the web server has put the request's language, among those the space offers, on the error document's
 * <html lang> (scripts/web/error-shell-fallback.ts), and after a navigation that attribute is the page's own language:
 * that is the language spoken. Without it (the app run without the web server) the first of the browser's languages
 * we have, English else. Texts come from the error pages' own part of the catalogs. As on the admin pages it gives
 * the error's reference (Next's digest), never its message.
 */

const subscribe = (changed: () => void) => {
  window.addEventListener("languagechange", changed);
  return () => window.removeEventListener("languagechange", changed);
};
// Once this page has rendered, <html lang> is what it chose: reading it again gives the same answer.
const browserLocale = (): Locale => {
  const lang = document.documentElement.lang;
  return isLocale(lang) ? lang : (localeFromLanguages(navigator.languages) ?? "en");
};
// Next renders this in the browser (the server sends an empty shell); were it rendered on a server, English.
const serverLocale = (): Locale => "en";

export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const locale = useSyncExternalStore(subscribe, browserLocale, serverLocale);
  return <GlobalErrorPage error={error} retry={retry} locale={locale} />;
}
