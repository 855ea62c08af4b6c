"use client";

import { useSyncExternalStore } from "react";
import { isLocale, translator } from "@/lib/i18n/translate";

// A client component cannot ask the server for the language; the root layout already put it on <html lang>.
const readLang = () => document.documentElement.lang;
const subscribe = () => () => {};

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const lang = useSyncExternalStore(subscribe, readLang, () => "en");
  const t = translator(isLocale(lang) ? lang : "en");
  return (
    <section className="max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">{t("error.title")}</h1>
      <p className="text-slate-700">{t("error.body")}</p>
      <button type="button" onClick={reset} className="rounded bg-slate-800 px-4 py-2 text-white hover:bg-slate-700">
        {t("error.retry")}
      </button>
    </section>
  );
}
