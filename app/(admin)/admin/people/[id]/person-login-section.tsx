import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import type { LoginState } from "@/lib/domain/auth/login-state";
import { getLocale, getT } from "@/lib/i18n/server";
import { formatDateTime } from "@/lib/time";
import { getSpace } from "@/lib/web/space";
import { invitePersonAction, revokeInvitationAction } from "./invitation-actions";
import { Card } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";

/** Whether the person can log in, and the invitation to set a password for those who cannot (people editors). */
export async function PersonLoginSection({ personId, mayInvite, state }: { personId: number; mayInvite: boolean; state: LoginState }) {
  const [t, locale, space] = await Promise.all([getT(), getLocale(), getSpace()]);
  const when = (d: Date) => formatDateTime(d, locale, space.timeZone);
  const text =
    state.kind === "login"
      ? t("invite.state.login", { email: state.email })
      : state.kind === "invited"
        ? t("invite.state.invited", { email: state.email, sent: when(state.sentAt), until: when(state.expiresAt) })
        : state.kind === "expired"
          ? t("invite.state.expired", { email: state.email, sent: when(state.sentAt) })
          : t("invite.state.none");
  return (
    <Card id="person-login" title={t("invite.title")}>
      <p className="mb-3 text-sm text-slate-700">{text}</p>
      {mayInvite && state.kind !== "login" && (
        <div className="flex flex-wrap items-start gap-3">
          <ActionForm action={invitePersonAction} label={state.kind === "none" ? t("invite.send") : t("invite.resend")}>
            <input type="hidden" name="personId" value={personId} />
            <SubmitButton>{state.kind === "none" ? t("invite.send") : t("invite.resend")}</SubmitButton>
          </ActionForm>
          {state.kind === "invited" && (
            <ActionForm action={revokeInvitationAction} label={t("invite.revoke")}>
              <input type="hidden" name="personId" value={personId} />
              <ConfirmButton look="secondary" question={t("invite.revokeConfirm", { email: state.email })}>
                {t("invite.revoke")}
              </ConfirmButton>
            </ActionForm>
          )}
        </div>
      )}
    </Card>
  );
}
