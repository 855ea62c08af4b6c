import Link from "next/link";
import { EmailRequestForm } from "@/components/auth/email-request-form";
import { getT } from "@/lib/i18n/server";
import { forgotPasswordAction } from "./actions";
import { linkClass } from "@/components/ui/styles";
import { PageTitle } from "@/components/ui/page-title";

export default async function ForgotPasswordPage() {
  const t = await getT();
  return (
    <section className="mx-auto max-w-sm space-y-6">
      <PageTitle>{t("forgot.title")}</PageTitle>
      <p className="text-slate-700">{t("forgot.intro")}</p>
      <EmailRequestForm action={forgotPasswordAction} labels={{ email: t("login.email"), submit: t("forgot.submit") }} />
      <p className="text-sm">
        <Link href="/login" className={linkClass}>
          {t("forgot.back")}
        </Link>
      </p>
    </section>
  );
}
