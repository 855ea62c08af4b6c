import Link from "next/link";
import { redirect } from "next/navigation";
import { SignupForm } from "@/components/auth/signup-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { MIN_PASSWORD_LENGTH } from "@/lib/domain/auth/passwords";
import { getLocale, getOfferedLocales, getT } from "@/lib/i18n/server";
import type { Locale } from "@/lib/i18n/translate";
import { signUpAction } from "./actions";
import { linkClass } from "@/components/ui/styles";
import { PageTitle } from "@/components/ui/page-title";

export default async function SignupPage() {
  const [t, locale, user, offered] = await Promise.all([getT(), getLocale(), getCurrentUser(), getOfferedLocales()]);
  if (user) redirect("/home");
  return (
    <section className="mx-auto max-w-sm space-y-6">
      <PageTitle>{t("signup.title")}</PageTitle>
      <p className="text-slate-700">{t("signup.intro")}</p>
      <SignupForm
        action={signUpAction}
        minLength={MIN_PASSWORD_LENGTH}
        locale={locale}
        labels={{
          firstName: t("profile.firstName"),
          lastName: t("profile.lastName"),
          email: t("login.email"),
          password: t("login.password"),
          hint: t("reset.hint", { min: MIN_PASSWORD_LENGTH }),
          language: t("signup.language"),
          submit: t("signup.submit"),
          languages: Object.fromEntries(offered.map((l) => [l, t(`lang.${l}`)])) as Partial<Record<Locale, string>>,
        }}
      />
      <p className="text-sm">
        <Link href="/login" className={linkClass}>
          {t("signup.haveAccount")}
        </Link>
      </p>
    </section>
  );
}
