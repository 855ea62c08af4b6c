import Link from "next/link";
import { TokenForm } from "@/components/auth/token-form";
import { isEmailChangeTokenUsable } from "@/lib/domain/auth/email-change";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { confirmEmailChangeAction } from "./actions";
import { linkClass } from "@/components/ui/styles";
import { PageTitle } from "@/components/ui/page-title";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Opening the link only shows a button (mail scanners open links); the change itself is the POST. */
export default async function ConfirmEmailChangePage({ searchParams }: { searchParams: SearchParams }) {
  const [{ token }, t] = await Promise.all([searchParams, getT()]);
  const value = typeof token === "string" && token.length <= 200 ? token : "";
  const usable = value !== "" && (await isEmailChangeTokenUsable(getDb(), value));
  return (
    <section className="mx-auto max-w-sm space-y-6">
      <PageTitle>{t("loginEmail.confirm.title")}</PageTitle>
      {usable ? (
        <>
          <p className="text-slate-700">{t("loginEmail.confirm.intro")}</p>
          <TokenForm action={confirmEmailChangeAction} token={value} labels={{ submit: t("loginEmail.confirm.submit"), toLogin: t("nav.login") }} />
        </>
      ) : (
        <div className="space-y-4">
          <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
            {t("loginEmail.error.invalid_token")}
          </p>
          <Link href="/profile" className={linkClass}>
            {t("loginEmail.title")}
          </Link>
        </div>
      )}
    </section>
  );
}
