import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { PasswordTokenPage } from "@/components/auth/password-token-page";
import { invitationLinkState } from "@/lib/domain/auth/invitation-accept";
import { MIN_PASSWORD_LENGTH } from "@/lib/domain/auth/passwords";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { acceptInvitationAction, renewInvitationAction } from "./actions";
import { linkClass } from "@/components/ui/styles";

/** Where an invitation mail leads: set the password, or (expired) ask for a new link by mail. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const [{ token }, t] = await Promise.all([params, getT()]);
  const state = await invitationLinkState(getDb(), token);
  const labels = {
    password: t("invitation.password"),
    confirm: t("invitation.confirm"),
    hint: t("invitation.hint", { min: MIN_PASSWORD_LENGTH }),
    submit: t("invitation.submit"),
    toLogin: t("nav.login"),
  };
  const unusable =
    state === "expired"
      ? {
          message: t("invitation.expired"),
          tone: "amber" as const,
          next: (
            <ActionForm action={renewInvitationAction} label={t("invitation.renew")}>
              <input type="hidden" name="token" value={token} />
              <SubmitButton>{t("invitation.renew")}</SubmitButton>
            </ActionForm>
          ),
        }
      : {
          message: t("invitation.invalid"),
          tone: "red" as const,
          next: (
            <Link href="/login" className={linkClass}>
              {t("nav.login")}
            </Link>
          ),
        };
  return (
    <PasswordTokenPage
      title={t("invitation.title")}
      intro={t("invitation.intro")}
      form={state === "usable" ? { action: acceptInvitationAction, token, labels, minLength: MIN_PASSWORD_LENGTH } : null}
      unusable={unusable}
    />
  );
}
