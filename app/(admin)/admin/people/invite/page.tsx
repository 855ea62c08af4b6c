import Link from "next/link";
import { linkClass } from "@/components/ui/styles";
import { BulkInviteForm } from "@/components/people/bulk-invite-form";
import { statusLabel } from "@/components/people/status-label";
import { requirePermission } from "@/lib/auth/guards";
import { INVITATION_TTL_DAYS } from "@/lib/domain/auth/invitation-send";
import { countWithoutLogin } from "@/lib/domain/auth/invite-everyone";
import { listStatuses } from "@/lib/domain/people/reference-service";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { inviteBatchAction } from "./actions";
import { PageTitle } from "@/components/ui/page-title";

/** "Invite everyone without a login" (optionally one status), e.g. as the last step of moving in. */
export default async function InviteEveryonePage() {
  const user = await requirePermission("members.write");
  const db = getDb();
  const [t, statuses, counts] = await Promise.all([getT(), listStatuses(db), countWithoutLogin(db, {}, user.viewScope)]);
  return (
    <div className="space-y-4">
      <Link href="/admin/people" className={linkClass}>
        {t("person.back")}
      </Link>
      <PageTitle>{t("inviteAll.title")}</PageTitle>
      <p className="text-sm text-slate-600">{t("inviteAll.intro", { days: INVITATION_TTL_DAYS })}</p>
      <p className="text-sm">{t("inviteAll.counts", counts)}</p>
      <BulkInviteForm
        step={inviteBatchAction}
        statusLabel={t("inviteAll.status")}
        statusOptions={
          <>
            <option value="">{t("inviteAll.allStatuses")}</option>
            {statuses
              .filter((s) => s.mayLogIn)
              .map((s) => (
                <option key={s.id} value={s.id}>
                  {statusLabel(t, s)}
                </option>
              ))}
          </>
        }
        labels={{
          submit: t("inviteAll.submit"),
          progress: t("inviteAll.progress"),
          done: t("inviteAll.done"),
          report: t("inviteAll.report"),
          sent: t("inviteAll.sent"),
          skippedNoEmail: t("inviteAll.skippedNoEmail"),
          skippedPending: t("inviteAll.skippedPending"),
          skippedAbove: t("inviteAll.skippedAbove"),
          failed: t("inviteAll.failed"),
          failedList: t("inviteAll.failedList"),
        }}
      />
    </div>
  );
}
