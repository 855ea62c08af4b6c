"use client";

import { useT } from "@/lib/i18n/client";
import { PageTitle } from "@/components/ui/page-title";
import { Button } from "@/components/ui/button";

// The root layout's next-intl provider carries just the error page's three messages in the request's language.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useT();
  return (
    <section className="max-w-xl space-y-4">
      <PageTitle>{t("error.title")}</PageTitle>
      <p className="text-slate-700">{t("error.body")}</p>
      <Button type="button" onClick={reset}>
        {t("error.retry")}
      </Button>
    </section>
  );
}
