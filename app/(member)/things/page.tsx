import { ThingTable } from "@/components/inventory/thing-table";
import { LocationOptions } from "@/components/inventory/location-options";
import { listCategories } from "@/lib/domain/inventory/categories";
import { listLocations } from "@/lib/domain/inventory/locations";
import { searchThings } from "@/lib/domain/inventory/search";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { requireInventoryViewer } from "@/lib/web/inventory";
import { parsePage, searchText } from "@/lib/domain/shared/ids";
import { PageTitle } from "@/components/ui/page-title";
import { Button, ButtonLink } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { LoadingBoundary } from "@/components/ui/loading";

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
  // The filter's short lists come first; the matching things stream in below it (the guard answered before).
  const [t, categories, locations] = await Promise.all([getT(), listCategories(db), listLocations(db)]);

  return (
    <div className="space-y-4">
      <PageTitle
        actions={
          <>
            <ButtonLink href="/locations" look="secondary">
              {t("inv.locations.title")}
            </ButtonLink>
            <ButtonLink href="/loans" look="secondary">
              {t("inv.loans.title")}
            </ButtonLink>
            {user.canEdit && (
              <>
                <ButtonLink href="/things/new" look="secondary">
                  {t("inv.things.new")}
                </ButtonLink>
                <ButtonLink href="/things/import" look="secondary">
                  {t("inv.import.title")}
                </ButtonLink>
                {/* Downloads from a route handler: plain GET forms, no client-side navigation. */}
                <form method="get" action="/things/export">
                  <Button type="submit" name="format" value="csv" look="secondary">
                    {t("inv.export.csv")}
                  </Button>
                </form>
                <form method="get" action="/things/export">
                  <Button type="submit" name="format" value="xlsx" look="secondary">
                    {t("inv.export.xlsx")}
                  </Button>
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
        <Select look="inline" id="things-category" name="category" defaultValue={categoryId ?? ""}>
          <option value="">{t("inv.things.allCategories")}</option>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
        <label className="sr-only" htmlFor="things-location">
          {t("inv.thing.location")}
        </label>
        <Select look="inline" id="things-location" name="location" defaultValue={locationId ?? ""}>
          <option value="">{t("inv.things.allLocations")}</option>
          <LocationOptions locations={locations} />
        </Select>
        <Button type="submit">{t("inv.things.search")}</Button>
      </form>
      <LoadingBoundary label={t("loading.status")} lines={8}>
        <ThingResults filter={{ query, categoryId, locationId, page }} selectable={user.canEdit} />
      </LoadingBoundary>
    </div>
  );
}

interface ThingFilter {
  query: string;
  categoryId: number | undefined;
  locationId: number | undefined;
  page: number;
}

/** The things matching the search, their count and the pages. */
async function ThingResults({ filter, selectable }: { filter: ThingFilter; selectable: boolean }) {
  const { query, categoryId, locationId, page } = filter;
  const [t, result] = await Promise.all([getT(), searchThings(getDb(), { query, categoryId, locationId, limit: PAGE, offset: (page - 1) * PAGE })]);
  const pages = Math.max(1, Math.ceil(result.total / PAGE));
  const pageLink = (p: number) =>
    `/things?${new URLSearchParams({ q: query, category: String(categoryId ?? ""), location: String(locationId ?? ""), page: String(p) })}`;
  return (
    <>
      <p className="text-sm text-slate-500">{t("inv.things.count", { count: result.total })}</p>
      <ThingTable t={t} rows={result.rows} selectable={selectable} />
      {pages > 1 && (
        <nav aria-label={t("inv.pagination")} className="flex gap-2 text-sm">
          {page > 1 && (
            <ButtonLink href={pageLink(page - 1)} look="secondary">
              ←
            </ButtonLink>
          )}
          <span className="px-2 py-1.5">{t("inv.pageOf", { page, pages })}</span>
          {page < pages && (
            <ButtonLink href={pageLink(page + 1)} look="secondary">
              →
            </ButtonLink>
          )}
        </nav>
      )}
    </>
  );
}
