import Link from "next/link";
import { ConfirmSignupForm } from "@/components/auth/confirm-signup-form";
import { getT } from "@/lib/i18n/server";
import { confirmSignupAction } from "../actions";
import { linkClass } from "@/components/ui/styles";
import { PageTitle } from "@/components/ui/page-title";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Opening the link only shows a button; the confirmation itself is the POST (see ConfirmSignupForm). */
export default async function ConfirmSignupPage({ searchParams }: { searchParams: SearchParams }) {
  const [{ token }, t] = await Promise.all([searchParams, getT()]);
  const value = typeof token === "string" ? token : "";
  return (
    <section className="mx-auto max-w-sm space-y-6">
      <PageTitle>{t("signup.confirm.title")}</PageTitle>
      {value ? (
        <>
          <p className="text-slate-700">{t("signup.confirm.intro")}</p>
          <ConfirmSignupForm action={confirmSignupAction} token={value} labels={{ submit: t("signup.confirm.submit"), toLogin: t("nav.login") }} />
        </>
      ) : (
        <div className="space-y-4">
          <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
            {t("signup.error.invalid_token")}
          </p>
          <Link href="/signup" className={linkClass}>
            {t("signup.again")}
          </Link>
        </div>
      )}
    </section>
  );
}
