import Link from "next/link";
import { ThingTable } from "@/components/inventory/thing-table";
import { LocationOptions } from "@/components/inventory/location-options";
import { secondaryButtonClass } from "@/components/ui/styles";
import { listCategories } from "@/lib/domain/inventory/categories";
import { listLocations } from "@/lib/domain/inventory/locations";
import { searchThings } from "@/lib/domain/inventory/search";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { requireInventoryViewer } from "@/lib/web/inventory";
import { parsePage, searchText } from "@/lib/domain/shared/ids";
import { PageTitle } from "@/components/ui/page-title";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
const idParam = (v: string) => (/^\d{1,9}$/.test(v) ? Number(v) : undefined);
const PAGE = 50;

export default async function ThingsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireInventoryViewer();
  const params = await searchParams;
  const query = searchText(params.q);
  const categoryId = idParam(first(params.category));
  const locationId = idParam(first(params.location));
  const page = parsePage(params.page);
  const db = getDb();
  const [t, result, categories, locations] = await Promise.all([
    getT(),
    searchThings(db, { query, categoryId, locationId, limit: PAGE, offset: (page - 1) * PAGE }),
    listCategories(db),
    listLocations(db),
  ]);
  const pages = Math.max(1, Math.ceil(result.total / PAGE));
  const pageLink = (p: number) =>
    `/things?${new URLSearchParams({ q: query, category: String(categoryId ?? ""), location: String(locationId ?? ""), page: String(p) })}`;

  return (
    <div className="space-y-4">
      <PageTitle
        actions={
          <>
            <Link href="/locations" className={secondaryButtonClass}>
              {t("inv.locations.title")}
            </Link>
            <Link href="/loans" className={secondaryButtonClass}>
              {t("inv.loans.title")}
            </Link>
            {user.canEdit && (
              <>
                <Link href="/things/new" className={secondaryButtonClass}>
                  {t("inv.things.new")}
                </Link>
                <Link href="/things/import" className={secondaryButtonClass}>
                  {t("inv.import.title")}
                </Link>
                {/* Downloads from a route handler: plain GET forms, no client-side navigation. */}
                <form method="get" action="/things/export">
                  <button type="submit" name="format" value="csv" className={secondaryButtonClass}>
                    {t("inv.export.csv")}
                  </button>
                </form>
                <form method="get" action="/things/export">
                  <button type="submit" name="format" value="xlsx" className={secondaryButtonClass}>
                    {t("inv.export.xlsx")}
                  </button>
                </form>
              </>
            )}
          </>
        }
      >
        {t("inv.things.title")}
      </PageTitle>
      <form method="get" role="search" className="grid gap-2 sm:grid-cols-[1fr_auto_auto_auto]">
        <label className="sr-only" htmlFor="things-q">
          {t("inv.things.search")}
        </label>
        <input
          id="things-q"
          name="q"
          type="search"
          defaultValue={query}
          placeholder={t("inv.things.searchPlaceholder")}
          className="rounded border border-slate-300 bg-white px-3 py-2"
        />
        <label className="sr-only" htmlFor="things-category">
          {t("inv.thing.category")}
        </label>
        <select id="things-category" name="category" defaultValue={categoryId ?? ""} className="rounded border border-slate-300 bg-white px-3 py-2">
          <option value="">{t("inv.things.allCategories")}</option>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <label className="sr-only" htmlFor="things-location">
          {t("inv.thing.location")}
        </label>
        <select id="things-location" name="location" defaultValue={locationId ?? ""} className="rounded border border-slate-300 bg-white px-3 py-2">
          <option value="">{t("inv.things.allLocations")}</option>
          <LocationOptions locations={locations} />
        </select>
        <button type="submit" className="rounded bg-slate-800 px-4 py-2 text-white hover:bg-slate-700">
          {t("inv.things.search")}
        </button>
      </form>
      <p className="text-sm text-slate-500">{t("inv.things.count", { count: result.total })}</p>
      <ThingTable t={t} rows={result.rows} selectable={user.canEdit} />
      {pages > 1 && (
        <nav aria-label={t("inv.pagination")} className="flex gap-2 text-sm">
          {page > 1 && (
            <Link href={pageLink(page - 1)} className={secondaryButtonClass}>
              ←
            </Link>
          )}
          <span className="px-2 py-1.5">{t("inv.pageOf", { page, pages })}</span>
          {page < pages && (
            <Link href={pageLink(page + 1)} className={secondaryButtonClass}>
              →
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
