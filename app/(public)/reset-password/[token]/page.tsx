import Link from "next/link";
import { PasswordTokenPage } from "@/components/auth/password-token-page";
import { isResetTokenUsable } from "@/lib/domain/auth/password-reset";
import { MIN_PASSWORD_LENGTH } from "@/lib/domain/auth/passwords";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { resetPasswordAction } from "./actions";
import { linkClass } from "@/components/ui/styles";

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const [{ token }, t] = await Promise.all([params, getT()]);
  const usable = await isResetTokenUsable(getDb(), token);
  const labels = {
    password: t("reset.password"),
    confirm: t("reset.confirm"),
    hint: t("reset.hint", { min: MIN_PASSWORD_LENGTH }),
    submit: t("reset.submit"),
    toLogin: t("nav.login"),
  };
  return (
    <PasswordTokenPage
      title={t("reset.title")}
      form={usable ? { action: resetPasswordAction, token, labels, minLength: MIN_PASSWORD_LENGTH } : null}
      unusable={{
        message: t("reset.error.invalid_token"),
        tone: "red",
        next: (
          <Link href="/forgot-password" className={linkClass}>
            {t("reset.requestNew")}
          </Link>
        ),
      }}
    />
  );
}
