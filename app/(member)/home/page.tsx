import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/guards";
import { SinceLastLogin } from "@/components/people/since-last-login";
import { changesSinceLastLogin } from "@/lib/domain/audit/since-last-login";
import { myMachines } from "@/lib/domain/machines/machine-owner";
import { getMemberOverview } from "@/lib/domain/people/member-overview";
import { formatDate } from "@/lib/time";
import { getLocale, getT } from "@/lib/i18n/server";
import { isMessageKey } from "@/lib/i18n/translate";
import { getDb } from "@/lib/web/db";
import { getSpace } from "@/lib/web/space";
import { PageTitle } from "@/components/ui/page-title";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

export default async function MemberHomePage() {
  const user = await requireUser();
  const [t, locale, overview, changes] = await Promise.all([
    getT(),
    getLocale(),
    getMemberOverview(getDb(), user.personId),
    changesSinceLastLogin(getDb(), user),
  ]);
  const ownMachines = await myMachines(getDb(), user.personId);
  if (!overview) notFound();
  const { timeZone } = await getSpace();
  const date = (d: Date) => formatDate(d, locale, timeZone);
  const statusKey = `status.${overview.status.key}`;
  const statusLabel = isMessageKey(statusKey) ? t(statusKey) : overview.status.name;

  return (
    <div className="space-y-6">
      <PageTitle>{t("home.greeting", { name: overview.firstName ?? user.displayName })}</PageTitle>
      {overview.status.key === "applicant" && (
        <Card id="application" title={t("applicant.title")} tone="notice" testId="application-status">
          <p className="font-medium">{t("applicant.waiting")}</p>
          <p className="mt-1 text-slate-700">{t("applicant.next")}</p>
          <p className="mt-2 flex flex-wrap gap-x-4 text-sm">
            <Link href="/profile" className="text-amber-800 underline">
              {t("applicant.profile")}
            </Link>
            <Link href="/equipment" className="text-amber-800 underline">
              {t("applicant.induction")}
            </Link>
          </p>
        </Card>
      )}
      <p className="flex flex-wrap gap-4">
        <Link href="/home/usage" className="text-amber-700 underline">
          {t("mach.mine.link")}
        </Link>
        <Link href="/profile/record" className="text-amber-700 underline">
          {t("record.link")}
        </Link>
        {ownMachines.length > 0 && (
          <Link href="/machines/mine" className="text-amber-700 underline">
            {t("owner.link")}
          </Link>
        )}
      </p>
      <SinceLastLogin changes={changes} timeZone={timeZone} auditLinks={user.permissions.has("audit.read")} />

      <Card id="membership" title={t("home.membership")}>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="text-sm text-slate-500">{t("home.status")}</dt>
          <dd>{statusLabel}</dd>
          <dt className="text-sm text-slate-500">{t("home.memberNumber")}</dt>
          <dd>{overview.memberNumber ?? t("home.noMemberNumber")}</dd>
          {overview.joinedOn && (
            <>
              <dt className="text-sm text-slate-500">{t("home.memberSince")}</dt>
              <dd>{date(overview.joinedOn)}</dd>
            </>
          )}
        </dl>
      </Card>

      <Card id="cards" title={t("home.cards")}>
        {overview.cards.length === 0 ? (
          <EmptyState>{t("home.noCards")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {overview.cards.map((c) => (
              <li key={`${c.uid}-${c.issuedAt.toISOString()}`} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span className="font-mono">{c.uid}</span>
                <span className={c.state === "active" ? "text-emerald-700" : "text-slate-500"}>{t(`card.state.${c.state}`)}</span>
                <span className="text-sm text-slate-500">
                  {t("home.card.issued")} {date(c.issuedAt)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card id="equipment" title={t("home.equipment")}>
        {overview.equipment.length === 0 ? (
          <EmptyState>{t("home.noEquipment")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {overview.equipment.map((e) => (
              <li key={`${e.equipmentType}-${e.level}`} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span className="font-medium">{e.equipmentType}</span>
                <span>{t(`level.${e.level}`)}</span>
                <span className="text-sm text-slate-500">
                  {t("home.equipment.expires")}: {e.expiresAt ? date(e.expiresAt) : t("home.equipment.noExpiry")}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
