import Link from "next/link";
import { notFound } from "next/navigation";
import { RecordSection } from "@/components/people/record-section";
import { requireUser } from "@/lib/auth/guards";
import { exportPersonData, type PersonExport } from "@/lib/domain/people/export-person";
import { getLocale, getT } from "@/lib/i18n/server";
import type { MessageKey } from "@/lib/i18n/translate";
import { getDb } from "@/lib/web/db";
import { getSpace } from "@/lib/web/space";
import { PageTitle } from "@/components/ui/page-title";

const SECTIONS: [keyof PersonExport, MessageKey][] = [
  ["person", "record.s.person"],
  ["profile", "record.s.profile"],
  ["account", "record.s.account"],
  ["addresses", "record.s.addresses"],
  ["studies", "record.s.studies"],
  ["memberships", "record.s.memberships"],
  ["cards", "record.s.cards"],
  ["equipment", "record.s.equipment"],
  ["trainings", "record.s.trainings"],
  ["roles", "record.s.roles"],
  ["committees", "record.s.committees"],
  ["usage", "record.s.usage"],
  ["loans", "record.s.loans"],
  ["registrations", "record.s.registrations"],
  ["polls", "record.s.polls"],
  ["news", "record.s.news"],
  ["history", "record.s.history"],
];

/** "My record": everything stored about me and who changed what, with the same data as a download. */
export default async function MyRecordPage() {
  const user = await requireUser();
  const [t, locale, space, result] = await Promise.all([getT(), getLocale(), getSpace(), exportPersonData(getDb(), user.personId, user.personId)]);
  if (!result.ok) notFound();
  const data = result.data;
  return (
    <div className="space-y-6">
      <Link href="/profile" className="text-amber-700 underline">
        {t("record.back")}
      </Link>
      <PageTitle>{t("record.title")}</PageTitle>
      <p className="text-slate-600">{t("record.intro")}</p>
      <p className="flex flex-wrap gap-3 text-sm">
        <a className="text-amber-700 underline" href={`/admin/people/${user.personId}/export?format=json`}>
          {t("person.exportJson")}
        </a>
        <a className="text-amber-700 underline" href={`/admin/people/${user.personId}/export?format=xlsx`}>
          {t("person.exportXlsx")}
        </a>
      </p>
      {SECTIONS.map(([key, title]) => (
        <RecordSection
          key={key}
          id={key}
          title={t(title)}
          rows={data[key] as Record<string, unknown>[] | Record<string, unknown> | null}
          t={t}
          locale={locale}
          timeZone={space.timeZone}
        />
      ))}
      <p className="text-sm text-slate-600">{t("record.pollsNote")}</p>
    </div>
  );
}
