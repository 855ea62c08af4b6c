import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/site-header";
import { logoutAction, setLanguageAction } from "./actions";
import { getLocale } from "@/lib/i18n/server";
import { getSpace } from "@/lib/web/space";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const { name } = await getSpace();
  return { title: { default: name, template: `%s · ${name}` } };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <SiteHeader logoutAction={logoutAction} setLanguageAction={setLanguageAction} />
        <main className="mx-auto w-full max-w-5xl px-4 py-6 sm:py-10">{children}</main>
      </body>
    </html>
  );
}
