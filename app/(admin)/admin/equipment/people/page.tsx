import Link from "next/link";
import { cardClass, linkClass } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/guards";
import { searchPeople } from "@/lib/domain/people/search-people";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { searchText } from "@/lib/domain/shared/ids";
import { PageTitle } from "@/components/ui/page-title";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Find a person to see and change their equipment authorizations. */
export default async function EquipmentPeoplePage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("equipment.manage");
  const raw = (await searchParams).q;
  const query = searchText(raw);
  const db = getDb();
  const find = async () => searchPeople(db, user, { query, pageSize: 20, scope: user.viewScope });
  const [t, result] = await Promise.all([getT(), query ? find() : null]);

  return (
    <div className="space-y-4">
      <Link href="/admin/equipment" className={linkClass}>
        {t("eq.back")}
      </Link>
      <PageTitle>{t("eq.person.searchTitle")}</PageTitle>
      <form method="get" role="search" className="flex flex-col gap-2 sm:flex-row">
        <label className="sr-only" htmlFor="equipment-people-q">
          {t("eq.person.searchLabel")}
        </label>
        <input
          id="equipment-people-q"
          name="q"
          type="search"
          defaultValue={query}
          placeholder={t("eq.person.searchLabel")}
          className="w-full rounded border border-slate-300 bg-white px-3 py-2 sm:max-w-md"
        />
        <Button type="submit">{t("eq.person.search")}</Button>
      </form>
      {result &&
        (result.rows.length === 0 ? (
          <EmptyState>{t("eq.person.none")}</EmptyState>
        ) : (
          <ul className={`${cardClass} divide-y divide-slate-100`}>
            {result.rows.map((p) => (
              <li key={p.personId} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  {[p.firstName, p.lastName].filter(Boolean).join(" ") || `#${p.personId}`}
                  {p.memberNumber && <span className="ml-2 text-sm text-slate-500">#{p.memberNumber}</span>}
                </span>
                <Link href={`/admin/equipment/people/${p.personId}`} className={linkClass}>
                  {t("eq.person.open")}
                </Link>
              </li>
            ))}
          </ul>
        ))}
    </div>
  );
}
