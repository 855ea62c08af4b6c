import { ActionButton } from "@/components/forms/action-button";
import { SecretOnceForm } from "@/components/forms/secret-once-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { requireUser } from "@/lib/auth/guards";
import { wantsWeeklyAnnouncement } from "@/lib/domain/calendar/announcements";
import { hasActiveFeedToken } from "@/lib/domain/calendar/feed-tokens";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { regenerateFeedAction, revokeFeedAction, weeklyAction } from "./actions";
import { PageTitle } from "@/components/ui/page-title";

/** The private feed address (create, regenerate, turn off) and the weekly email opt-in. */
export default async function FeedPage() {
  const user = await requireUser();
  const db = getDb();
  const [t, active, weekly] = await Promise.all([getT(), hasActiveFeedToken(db, user.personId), wantsWeeklyAnnouncement(db, user.personId)]);
  return (
    <div className="max-w-2xl space-y-6">
      <PageTitle>{t("feed.title")}</PageTitle>
      <p>{t("feed.intro")}</p>
      <p className="text-sm text-gray-600">{t("feed.formats")}</p>
      <p>{active ? t("feed.active") : t("feed.none")}</p>
      <SecretOnceForm
        action={regenerateFeedAction}
        className="space-y-2"
        label={active ? t("feed.regenerate") : t("feed.create")}
        secretLabel={t("feed.address")}
        secretHint={t("feed.roomHint")}
      >
        <SubmitButton>{active ? t("feed.regenerate") : t("feed.create")}</SubmitButton>
      </SecretOnceForm>
      {active && <ActionButton action={revokeFeedAction} label={t("feed.revoke")} confirm={t("feed.revokeConfirm")} />}
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t("feed.weekly")}</h2>
        <p>{weekly ? t("feed.weekly.on") : t("feed.weekly.off")}</p>
        <ActionButton action={weeklyAction.bind(null, !weekly)} label={weekly ? t("feed.weekly.unsubscribe") : t("feed.weekly.subscribe")} />
      </section>
    </div>
  );
}
