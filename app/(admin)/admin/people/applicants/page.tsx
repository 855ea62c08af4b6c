import Link from "next/link";
import { cardClass, linkClass } from "@/components/ui/styles";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { requirePermission } from "@/lib/auth/guards";
import { listPendingApplicants } from "@/lib/domain/people/applicant-signup";
import { listLoginRequests } from "@/lib/domain/people/login-requests";
import { formatDateTime } from "@/lib/time";
import { getLocale, getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { approveApplicantAction, approveLoginRequestAction, rejectApplicantAction, rejectLoginRequestAction } from "./actions";
import { getSpace } from "@/lib/web/space";
import { PageTitle } from "@/components/ui/page-title";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { EmptyState } from "@/components/ui/empty-state";

/**
 * Applicants who confirmed their email, waiting for the board: approve (member number) or reject with a reason.
 * Below them, people already here who signed up for a login: approve (the login joins their record) or turn down.
 */
export default async function ApplicantsPage() {
  const user = await requirePermission("members.read");
  const [t, locale, applicants, space, loginRequests] = await Promise.all([
    getT(),
    getLocale(),
    listPendingApplicants(getDb(), user.viewScope),
    getSpace(),
    listLoginRequests(getDb(), user.viewScope),
  ]);
  const mayWrite = user.permissions.has("members.write");
  return (
    <div className="space-y-4">
      <Link href="/admin/people" className={linkClass}>
        {t("person.back")}
      </Link>
      <PageTitle>{t("applicants.title")}</PageTitle>
      <p className="text-sm text-slate-600">{t("applicants.intro")}</p>
      {applicants.length === 0 ? (
        <EmptyState>{t("applicants.none")}</EmptyState>
      ) : (
        <ul className="space-y-3">
          {applicants.map((a) => {
            const name = `${a.firstName} ${a.lastName}`.trim();
            return (
              <li key={a.personId} className={cardClass} aria-label={name}>
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <Link href={`/admin/people/${a.personId}`} className={`${linkClass} font-medium`}>
                    {name}
                  </Link>
                  <span className="text-sm text-slate-600">
                    {a.email} · {t("applicants.confirmedAt", { at: a.confirmedAt ? formatDateTime(a.confirmedAt, locale, space.timeZone) : "–" })}
                  </span>
                </div>
                {mayWrite && (
                  <div className="mt-3 grid gap-3 sm:grid-cols-[auto_1fr] sm:items-end">
                    <ActionForm action={approveApplicantAction} label={t("applicants.approveOf", { name })} messageAt="bottom">
                      <input type="hidden" name="personId" value={a.personId} />
                      <SubmitButton>{t("applicants.approve")}</SubmitButton>
                    </ActionForm>
                    <ActionForm
                      action={rejectApplicantAction}
                      className="flex flex-wrap items-end gap-2"
                      label={t("applicants.rejectOf", { name })}
                      messageAt="bottom"
                    >
                      <input type="hidden" name="personId" value={a.personId} />
                      <label className="grow text-sm">
                        <span className="mb-1 block font-medium text-slate-700">{t("applicants.reason")}</span>
                        <input name="reason" required maxLength={1000} className="block w-full rounded border border-slate-300 bg-white px-3 py-2" />
                      </label>
                      <Button type="submit" look="secondary">
                        {t("applicants.reject")}
                      </Button>
                    </ActionForm>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <h2 className="pt-4 text-xl font-semibold">{t("loginRequests.title")}</h2>
      <p className="text-sm text-slate-600">{t("loginRequests.intro")}</p>
      {loginRequests.length === 0 ? (
        <EmptyState>{t("loginRequests.none")}</EmptyState>
      ) : (
        <ul className="space-y-3">
          {loginRequests.map((r) => {
            const name = `${r.firstName} ${r.lastName}`.trim();
            return (
              <li key={r.requestId} className={cardClass} aria-label={t("loginRequests.of", { name })}>
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <Link href={`/admin/people/${r.personId}`} className={`${linkClass} font-medium`}>
                    {name}
                  </Link>
                  <span className="text-sm text-slate-600">
                    {r.email} · {t("applicants.confirmedAt", { at: formatDateTime(r.confirmedAt, locale, space.timeZone) })}
                  </span>
                </div>
                {mayWrite && (
                  <div className="mt-3 flex flex-wrap gap-3">
                    <ActionForm action={approveLoginRequestAction} label={t("loginRequests.approveOf", { name })} messageAt="bottom">
                      <input type="hidden" name="requestId" value={r.requestId} />
                      <SubmitButton>{t("loginRequests.approve")}</SubmitButton>
                    </ActionForm>
                    <ActionForm action={rejectLoginRequestAction} label={t("loginRequests.rejectOf", { name })} messageAt="bottom">
                      <input type="hidden" name="requestId" value={r.requestId} />
                      <ConfirmButton look="secondary" question={t("loginRequests.rejectConfirm", { name })} detail="">
                        {t("loginRequests.reject")}
                      </ConfirmButton>
                    </ActionForm>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
