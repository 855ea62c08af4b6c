import { TextField } from "@/components/ui/field";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { getT } from "@/lib/i18n/server";
import { logOutEverywhereAction, requestLoginEmailChangeAction } from "./login-actions";
import { Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";

/** The profile's login part: the login email (changed through a mailed link) and "log out everywhere". */
export async function LoginSection({ loginEmail }: { loginEmail: string }) {
  const t = await getT();
  return (
    <Card id="my-login" title={t("loginEmail.title")}>
      <p className="mb-1">{t("loginEmail.current", { email: loginEmail })}</p>
      <p className="mb-3 text-sm text-slate-600">{t("loginEmail.intro")}</p>
      <ActionForm action={requestLoginEmailChangeAction} className="grid gap-3 sm:grid-cols-2 sm:items-end" label={t("loginEmail.title")}>
        <TextField label={t("loginEmail.new")} name="newEmail" type="email" required maxLength={320} autoComplete="email" />
        <TextField label={t("loginEmail.password")} name="password" type="password" required autoComplete="current-password" />
        <div className="sm:col-span-2">
          <SubmitButton>{t("loginEmail.submit")}</SubmitButton>
        </div>
      </ActionForm>
      <ActionForm action={logOutEverywhereAction} className="mt-4 border-t border-slate-200 pt-4" label={t("sessions.everywhere")}>
        <p className="mb-2 text-sm text-slate-600">{t("sessions.everywhereIntro")}</p>
        <Button type="submit" look="secondary" size="normal">
          {t("sessions.everywhere")}
        </Button>
      </ActionForm>
    </Card>
  );
}
