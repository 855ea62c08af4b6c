import Link from "next/link";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getT } from "@/lib/i18n/server";
import { safeNextPath } from "@/lib/web/safe-next";
import { loginAction, resendConfirmationAction } from "./actions";
import { linkClass } from "@/components/ui/styles";
import { PageTitle } from "@/components/ui/page-title";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[]; again?: string | string[] }> }) {
  const [t, user, query] = await Promise.all([getT(), getCurrentUser(), searchParams]);
  const next = safeNextPath(query.next);
  // "again": another service asked for a fresh login (single sign-on's prompt=login or max_age), so the form shows
  // even for someone logged in; logging in replaces their session.
  const again = query.again === "1";
  if (user && !again) redirect(next);
  return (
    <section className="mx-auto max-w-sm space-y-6">
      <PageTitle>{t("login.title")}</PageTitle>
      {again && <p>{t("login.again")}</p>}
      <LoginForm
        action={loginAction}
        resendAction={resendConfirmationAction}
        next={next}
        labels={{ email: t("login.email"), password: t("login.password"), submit: t("login.submit"), resend: t("login.resend.submit") }}
      />
      <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <Link href="/forgot-password" className={linkClass}>
          {t("login.forgot")}
        </Link>
        <Link href="/signup" className={linkClass}>
          {t("login.signup")}
        </Link>
      </p>
    </section>
  );
}
