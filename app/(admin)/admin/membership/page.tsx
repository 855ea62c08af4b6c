import Link from "next/link";
import { CheckboxField, TextField } from "@/components/ui/field";
import { cardClass, linkClass } from "@/components/ui/styles";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { statusLabel } from "@/components/people/status-label";
import { requirePermission } from "@/lib/auth/guards";
import { nearestYearEnd } from "@/lib/domain/people/association-year";
import { committeeNames } from "@/lib/domain/people/committee-service";
import { listStatuses } from "@/lib/domain/people/reference-service";
import { getT } from "@/lib/i18n/server";
import { dayOf } from "@/lib/time";
import { getDb } from "@/lib/web/db";
import { getSpace } from "@/lib/web/space";
import { endOfYearAction } from "./actions";
import { Card } from "@/components/ui/card";
import { PageTitle } from "@/components/ui/page-title";
import { EmptyState } from "@/components/ui/empty-state";

/** The hub for membership reference data, the end-of-year action and the mailing lists. */
export default async function MembershipAdminPage() {
  const user = await requirePermission("members.read");
  const db = getDb();
  const [t, space, statuses, committees] = await Promise.all([getT(), getSpace(), listStatuses(db), committeeNames(db)]);
  const mayWrite = user.permissions.has("members.write");
  const sections = [
    { href: "/admin/membership/statuses", title: t("pa.statuses"), intro: t("pa.statuses.intro"), shown: user.permissions.has("system.admin") },
    { href: "/admin/membership/types", title: t("pa.types"), intro: t("pa.types.intro"), shown: mayWrite },
    { href: "/admin/membership/address-types", title: t("pa.addressTypes"), intro: t("pa.addressTypes.intro"), shown: mayWrite },
    { href: "/admin/membership/study-fields", title: t("sf.title"), intro: t("sf.intro"), shown: mayWrite },
    { href: "/admin/membership/committees", title: t("pa.committees"), intro: t("pa.committees.intro"), shown: mayWrite },
    { href: "/admin/membership/mailing-lists", title: t("ml.title"), intro: t("ml.intro"), shown: true },
  ].filter((s) => s.shown);
  const yearEnd = nearestYearEnd(dayOf(new Date(), space.timeZone), space.yearStartMonth, space.yearStartDay);
  const list = (query: string) => `/admin/people/mailing-list?${query}`;

  return (
    <div className="space-y-6">
      <PageTitle>{t("pa.title")}</PageTitle>
      {sections.length > 0 && (
        <ul className="grid gap-3 sm:grid-cols-2">
          {sections.map((s) => (
            <li key={s.href} className={cardClass}>
              <Link href={s.href} className={`${linkClass} text-lg font-semibold`}>
                {s.title}
              </Link>
              <p className="mt-1 text-sm text-slate-600">{s.intro}</p>
            </li>
          ))}
        </ul>
      )}
      {mayWrite && (
        <Card id="end-of-year" title={t("pa.endOfYear.title")} className="space-y-3">
          <p className="text-sm text-slate-600">{t("pa.endOfYear.intro")}</p>
          <ActionForm action={endOfYearAction} className="space-y-3" label={t("pa.endOfYear.title")}>
            <TextField name="lastDay" type="date" label={t("pa.endOfYear.lastDay")} defaultValue={yearEnd} required />
            <CheckboxField name="confirm" label={t("pa.endOfYear.confirm")} required />
            <SubmitButton>{t("pa.endOfYear.submit")}</SubmitButton>
          </ActionForm>
        </Card>
      )}
      <Card id="mailing-lists" title={t("pa.mailing.title")} className="space-y-3">
        <p className="text-sm text-slate-600">{t("pa.mailing.intro")}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <h3 className="font-semibold">{t("pa.mailing.byStatus")}</h3>
            <ul className="list-inside list-disc text-sm">
              {statuses.map((s) => (
                <li key={s.id}>
                  <a className={`${linkClass} inline-block py-1`} href={list(`status=${s.id}`)}>
                    {statusLabel(t, s)}
                  </a>
                </li>
              ))}
            </ul>
          </div>
          <div>
            <h3 className="font-semibold">{t("pa.mailing.byCommittee")}</h3>
            {committees.length === 0 ? (
              <EmptyState small>{t("pa.none")}</EmptyState>
            ) : (
              <ul className="list-inside list-disc text-sm">
                {committees.map((c) => (
                  <li key={c.id}>
                    <a className={`${linkClass} inline-block py-1`} href={list(`committee=${c.id}`)}>
                      {c.name}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      </Card>
    </div>
  );
}
