import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { isResetTokenUsable } from "@/lib/domain/auth/password-reset";
import { MIN_PASSWORD_LENGTH } from "@/lib/domain/auth/passwords";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { resetPasswordAction } from "./actions";

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const [{ token }, t] = await Promise.all([params, getT()]);
  const usable = await isResetTokenUsable(getDb(), token);
  return (
    <section className="mx-auto max-w-sm space-y-6">
      <h1 className="text-2xl font-bold">{t("reset.title")}</h1>
      {usable ? (
        <ResetPasswordForm
          action={resetPasswordAction}
          token={token}
          labels={{
            password: t("reset.password"),
            confirm: t("reset.confirm"),
            hint: t("reset.hint", { min: MIN_PASSWORD_LENGTH }),
            submit: t("reset.submit"),
            toLogin: t("nav.login"),
          }}
          minLength={MIN_PASSWORD_LENGTH}
        />
      ) : (
        <div className="space-y-4">
          <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
            {t("reset.error.invalid_token")}
          </p>
          <Link href="/forgot-password" className="text-amber-700 underline hover:text-amber-900">
            {t("reset.requestNew")}
          </Link>
        </div>
      )}
    </section>
  );
}
