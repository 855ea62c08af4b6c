import type { Metadata } from "next";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { SiteHeader } from "@/components/site-header";
import { logoutAction, setLanguageAction } from "./actions";
import { clientMessages, getLocale, getT } from "@/lib/i18n/server";
import { intlLocale } from "@/lib/i18n/intl-locale";
import { getSpace } from "@/lib/web/space";
import "./globals.css";

// The client components that translate themselves (the error page) get these keys and no others.
// error.*: the error pages (components/ui/error-view.tsx); form.confirm.*: ConfirmButton's dialog, on any page.
const CLIENT_KEYS = [
  "error.title",
  "error.body",
  "error.retry",
  "error.reference",
  "error.referenceHint",
  "form.confirm.undone",
  "form.confirm.back",
  "form.confirm.working",
] as const;

export async function generateMetadata(): Promise<Metadata> {
  const { name } = await getSpace();
  return { title: { default: name, template: `%s · ${name}` }, icons: { apple: "/icons/apple-touch-icon.png" }, appleWebApp: { title: name } };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t, space, messages] = await Promise.all([getLocale(), getT(), getSpace(), clientMessages(CLIENT_KEYS)]);
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <NextIntlClientProvider locale={intlLocale(locale)} messages={messages} timeZone={space.timeZone} formats={{}} now={new Date()}>
          {/* The first stop of the keyboard: past the menu to the page's own content. */}
          <a
            href="#main-content"
            className="sr-only rounded bg-amber-400 px-3 py-2 font-medium text-slate-900 focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50"
          >
            {t("nav.skip")}
          </a>
          <SiteHeader logoutAction={logoutAction} setLanguageAction={setLanguageAction} />
          <main id="main-content" tabIndex={-1} className="mx-auto w-full max-w-5xl px-4 py-6 focus:outline-none sm:py-10">
            {children}
          </main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
