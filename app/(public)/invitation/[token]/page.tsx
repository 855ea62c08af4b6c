import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { invitationLinkState } from "@/lib/domain/auth/invitations";
import { MIN_PASSWORD_LENGTH } from "@/lib/domain/auth/passwords";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { acceptInvitationAction, renewInvitationAction } from "./actions";

/** Where an invitation mail leads: set the password, or (expired) ask for a new link by mail. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const [{ token }, t] = await Promise.all([params, getT()]);
  const state = await invitationLinkState(getDb(), token);
  return (
    <section className="mx-auto max-w-sm space-y-6">
      <h1 className="text-2xl font-bold">{t("invitation.title")}</h1>
      {state === "usable" && (
        <>
          <p className="text-slate-700">{t("invitation.intro")}</p>
          <ResetPasswordForm
            action={acceptInvitationAction}
            token={token}
            labels={{
              password: t("invitation.password"),
              confirm: t("invitation.confirm"),
              hint: t("invitation.hint", { min: MIN_PASSWORD_LENGTH }),
              submit: t("invitation.submit"),
              toLogin: t("nav.login"),
            }}
            minLength={MIN_PASSWORD_LENGTH}
          />
        </>
      )}
      {state === "expired" && (
        <div className="space-y-4">
          <p role="alert" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {t("invitation.expired")}
          </p>
          <ActionForm action={renewInvitationAction} label={t("invitation.renew")}>
            <input type="hidden" name="token" value={token} />
            <SubmitButton>{t("invitation.renew")}</SubmitButton>
          </ActionForm>
        </div>
      )}
      {state === "invalid" && (
        <div className="space-y-4">
          <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
            {t("invitation.invalid")}
          </p>
          <Link href="/login" className="text-amber-700 underline hover:text-amber-900">
            {t("nav.login")}
          </Link>
        </div>
      )}
    </section>
  );
}
