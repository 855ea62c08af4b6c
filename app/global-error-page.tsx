"use client";

import { NextIntlClientProvider } from "next-intl";
import { ErrorView } from "@/components/ui/error-view";
import { ERROR_CATALOGS } from "@/lib/i18n/error-catalogs";
import { intlLocale } from "@/lib/i18n/intl-locale";
import { encodeKey } from "@/lib/i18n/keys";
import type { Locale } from "@/lib/i18n/locales";

/**
 * What app/global-error.tsx shows, in the language it chose: the whole document, as it replaces the root layout —
 * the layout's look (body and main) around the error pages' view, with the reference and a link home.
 */
export function GlobalErrorPage({ error, retry, locale }: { error: unknown; retry: () => void; locale: Locale }) {
  const catalog = ERROR_CATALOGS[locale];
  const messages = Object.fromEntries(Object.entries(catalog).map(([key, text]) => [encodeKey(key), text]));
  return (
    <html lang={locale}>
      <head>
        <title>{catalog["error.title"]}</title>
      </head>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <NextIntlClientProvider locale={intlLocale(locale)} messages={messages} timeZone="UTC">
          <main className="mx-auto w-full max-w-5xl px-4 py-6 sm:py-10">
            <ErrorView error={error} retry={retry} showReference offerHome />
          </main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
