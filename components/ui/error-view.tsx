"use client";

import { useT } from "@/lib/i18n/client";
import { Button, ButtonAnchor } from "./button";
import { PageTitle } from "./page-title";

/** The digest Next gives a server error in production (its message is replaced, so nothing of it reaches the page). */
export function errorDigest(error: unknown): string | undefined {
  const digest = error instanceof Error ? (error as Error & { digest?: unknown }).digest : undefined;
  return typeof digest === "string" && digest ? digest : undefined;
}

/**
 * What an `error.tsx` shows: a plain "something went wrong" in the reader's language (never the error's own message,
 * which may hold internals) and "Try again", which re-fetches the segment from the server (`retry`; `reset` alone
 * would render the same failed answer again). `showReference`: the error's digest to quote, for the admin pages,
 * whose readers are the ones who look it up in the server's log (and app/global-error.tsx, where the whole app failed).
 */
export function ErrorView({
  error,
  retry,
  showReference = false,
  offerHome = false,
}: {
  error: unknown;
  retry: () => void;
  showReference?: boolean;
  /** A link to the start page beside "Try again" (a plain link: the app around it may be what failed). */
  offerHome?: boolean;
}) {
  const t = useT();
  const digest = showReference ? errorDigest(error) : undefined;
  return (
    <section className="max-w-xl space-y-4">
      <PageTitle>{t("error.title")}</PageTitle>
      <p className="text-slate-700">{t("error.body")}</p>
      {digest && (
        <p className="text-sm text-slate-600" data-testid="error-reference">
          <span className="font-mono">{t("error.reference", { digest })}</span> {t("error.referenceHint")}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <Button type="button" onClick={retry}>
          {t("error.retry")}
        </Button>
        {offerHome && (
          <ButtonAnchor href="/" look="secondary" size="normal">
            {t("error.home")}
          </ButtonAnchor>
        )}
      </div>
    </section>
  );
}
