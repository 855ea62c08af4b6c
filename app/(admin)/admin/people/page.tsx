import Link from "next/link";
import { SelectField } from "@/components/ui/field";
import { linkClass } from "@/components/ui/styles";
import { PeopleTable } from "@/components/people/people-table";
import { statusLabel } from "@/components/people/status-label";
import { requirePermission } from "@/lib/auth/guards";
import { filterQuery } from "@/components/people/filter-query";
import { peopleFilterOptions } from "@/lib/domain/people/people-filter-options";
import { listPeople, parsePeopleFilter, type PeopleFilter } from "@/lib/domain/people/people-list";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { PageTitle } from "@/components/ui/page-title";
import { Button, ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadingBoundary } from "@/components/ui/loading";
import type { CurrentUser } from "@/lib/auth/current-user";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AdminPeoplePage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("members.read");
  const filter = parsePeopleFilter(await searchParams);
  const db = getDb();
  // The short lists the filter offers come first; the people matching it stream in below (the guard answered before).
  const [t, { statuses, types, committees, equipment, waiting, studyFields }] = await Promise.all([getT(), peopleFilterOptions(db, user.viewScope)]);
  const any = <option value="">{t("people.filter.any")}</option>;

  return (
    <div className="space-y-4">
      <PageTitle
        actions={
          <>
            <Link href="/admin/people/applicants" className={linkClass}>
              {t("applicants.link", { count: waiting })}
            </Link>
            {user.permissions.has("members.write") && (
              <Link href="/admin/people/import" className={linkClass}>
                {t("peopleImport.link")}
              </Link>
            )}
            {user.permissions.has("members.write") && (
              <Link href="/admin/people/invite" className={linkClass}>
                {t("inviteAll.link")}
              </Link>
            )}
            {user.permissions.has("members.write") && <ButtonLink href="/admin/people/new">{t("person.new")}</ButtonLink>}
          </>
        }
      >
        {t("people.title")}
      </PageTitle>
      <form method="get" role="search" className="grid gap-3 sm:grid-cols-3 sm:items-end">
        <div className="sm:col-span-3">
          <label className="sr-only" htmlFor="people-q">
            {t("people.search")}
          </label>
          <input
            id="people-q"
            name="q"
            type="search"
            defaultValue={filter.q}
            placeholder={t("people.searchPlaceholder")}
            className="w-full rounded border border-slate-300 bg-white px-3 py-2"
          />
        </div>
        <SelectField label={t("people.col.status")} name="status" defaultValue={filter.status ?? ""}>
          {any}
          {statuses.map((s) => (
            <option key={s.id} value={s.id}>
              {statusLabel(t, s)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("membership.type")} name="type" defaultValue={filter.type ?? ""}>
          {any}
          {types.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("people.filter.committee")} name="committee" defaultValue={filter.committee ?? ""}>
          {any}
          {committees.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("people.filter.trained")} name="trained" defaultValue={filter.trained ?? ""}>
          {any}
          {equipment.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("people.filter.study")} name="study" defaultValue={filter.study ?? ""}>
          {any}
          {studyFields.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("people.sort")} name="sort" defaultValue={filter.sort}>
          {(["name", "number", "status", "joined"] as const).map((s) => (
            <option key={s} value={s}>
              {t(`people.sort.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("people.dir")} name="dir" defaultValue={filter.dir}>
          <option value="asc">{t("people.dir.asc")}</option>
          <option value="desc">{t("people.dir.desc")}</option>
        </SelectField>
        <div>
          <Button type="submit">{t("people.search")}</Button>
        </div>
      </form>
      <LoadingBoundary label={t("loading.status")} lines={8}>
        <PeopleResult user={user} filter={filter} />
      </LoadingBoundary>
    </div>
  );
}

/** The people matching the filter, their count, the exports of exactly them and the pages. */
async function PeopleResult({ user, filter }: { user: CurrentUser; filter: PeopleFilter }) {
  const db = getDb();
  const [t, result] = await Promise.all([getT(), listPeople(db, { ...filter, scope: user.viewScope })]);
  return (
    <>
      <p className="flex flex-wrap gap-3 text-sm text-slate-600">
        <span>{result.more ? t("people.countMore", { count: result.total }) : t("people.count", { count: result.total })}</span>
        <a className={linkClass} href={`/admin/people/export?${filterQuery(filter, { format: "csv" })}`}>
          {t("people.exportCsv")}
        </a>
        <a className={linkClass} href={`/admin/people/export?${filterQuery(filter, { format: "xlsx" })}`}>
          {t("people.exportXlsx")}
        </a>
        <a className={linkClass} href={`/admin/people/mailing-list?${filterQuery(filter)}`}>
          {t("people.mailingList")}
        </a>
      </p>
      {result.rows.length === 0 ? <EmptyState>{t("people.none")}</EmptyState> : <PeopleTable rows={result.rows} />}
      <nav aria-label={t("people.page", { page: result.page, pages: result.pages })} className="flex items-center gap-3 text-sm">
        {result.page > 1 && (
          <Link className={linkClass} rel="prev" href={`?${filterQuery(filter, { page: result.page - 1 })}`}>
            {t("people.prev")}
          </Link>
        )}
        <span>{t("people.page", { page: result.page, pages: result.pages })}</span>
        {result.page < result.pages && (
          <Link className={linkClass} rel="next" href={`?${filterQuery(filter, { page: result.page + 1 })}`}>
            {t("people.next")}
          </Link>
        )}
      </nav>
    </>
  );
}
