import { Pagination } from "@/components/people/pagination";
import { PeopleTable } from "@/components/people/people-table";
import { requirePermission } from "@/lib/auth/guards";
import { searchPeople } from "@/lib/domain/people/search-people";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function AdminPeoplePage({ searchParams }: { searchParams: SearchParams }) {
  await requirePermission("members.read");
  const params = await searchParams;
  const query = first(params.q).slice(0, 200);
  const page = Number.parseInt(first(params.page), 10) || 1;
  const [t, result] = await Promise.all([getT(), searchPeople(getDb(), { query, page })]);

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("people.title")}</h1>
      <form method="get" role="search" className="flex flex-col gap-2 sm:flex-row">
        <label className="sr-only" htmlFor="people-q">
          {t("people.search")}
        </label>
        <input
          id="people-q"
          name="q"
          type="search"
          defaultValue={query}
          placeholder={t("people.searchPlaceholder")}
          className="w-full rounded border border-slate-300 bg-white px-3 py-2 sm:max-w-md"
        />
        <button type="submit" className="rounded bg-slate-800 px-4 py-2 text-white hover:bg-slate-700">
          {t("people.search")}
        </button>
      </form>
      <p className="text-sm text-slate-500">{t("people.count", { count: result.total })}</p>
      {result.rows.length === 0 ? <p className="text-slate-600">{t("people.none")}</p> : <PeopleTable rows={result.rows} />}
      <Pagination query={query} page={result.page} pages={result.pages} />
    </div>
  );
}
