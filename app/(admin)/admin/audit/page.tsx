import Link from "next/link";
import { TextField } from "@/components/ui/field";
import { linkClass } from "@/components/ui/styles";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { AuditEntries } from "@/components/people-admin/audit-entries";
import { DeleteButton } from "@/components/people-admin/delete-button";
import { requirePermission } from "@/lib/auth/guards";
import {
  AUDIT_SEARCH_MAX,
  knownChangeTypes,
  listAuditEntries,
  parseAuditFilter,
  type AuditFilter,
  type AuditFilterField,
} from "@/lib/domain/audit/audit-query";
import { readableHistory } from "@/lib/domain/audit/readable-history";
import { subscriptionsOf } from "@/lib/domain/audit/subscriptions";
import { getLocale, getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { getSpace } from "@/lib/web/space";
import { subscribeAction, unsubscribeAction } from "./actions";
import { Card } from "@/components/ui/card";
import { PageTitle } from "@/components/ui/page-title";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function query(f: AuditFilter, page: number): string {
  const entries = Object.entries({ actor: f.actor, person: f.person, type: f.type, from: f.from ?? "", to: f.to ?? "", page: String(page) }).filter(
    ([, v]) => v !== "",
  );
  return new URLSearchParams(entries).toString();
}

/** The whole audit log for admins: filter by actor, person, change type and days; newest first, paged. */
export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("audit.read");
  const { filter, typed, problems } = parseAuditFilter(await searchParams);
  const refused = Object.keys(problems).length > 0;
  const db = getDb();
  const space = await getSpace();
  const [t, locale, result, types, subs] = await Promise.all([
    getT(),
    getLocale(),
    // A refused filter lists nothing: entries it did not narrow would read as its answer.
    refused ? null : listAuditEntries(db, user, filter, space.timeZone),
    knownChangeTypes(db),
    subscriptionsOf(db, user.personId),
  ]);
  const entries = result ? await readableHistory(db, result.rows, { t, locale, timeZone: space.timeZone, viewer: user }) : [];
  const labels = {
    actor: t("audit.filter.actor"),
    person: t("audit.filter.person"),
    type: t("audit.filter.type"),
    from: t("audit.filter.from"),
    to: t("audit.filter.to"),
  };
  const error = (field: Exclude<AuditFilterField, "page">) => {
    const problem = problems[field];
    if (problem === undefined) return undefined;
    if (problem === "tooLong") return t("form.error.tooLong", { field: labels[field], max: AUDIT_SEARCH_MAX });
    return t(`audit.filter.error.${problem}`, { field: labels[field] });
  };

  return (
    <div className="space-y-6">
      <PageTitle>{t("audit.title")}</PageTitle>
      <form method="get" role="search" aria-label={t("audit.title")} className="grid gap-3 sm:grid-cols-3 sm:items-end">
        <TextField
          name="actor"
          type="search"
          label={t("audit.filter.actor")}
          hint={t("audit.filter.personHint")}
          defaultValue={typed.actor}
          error={error("actor")}
        />
        <TextField
          name="person"
          type="search"
          label={t("audit.filter.person")}
          hint={t("audit.filter.personHint")}
          defaultValue={typed.person}
          error={error("person")}
        />
        <TextField
          name="type"
          label={t("audit.filter.type")}
          hint={t("audit.filter.typeHint")}
          defaultValue={typed.type}
          list="audit-change-types"
          error={error("type")}
        />
        <TextField name="from" type="date" label={t("audit.filter.from")} defaultValue={typed.from} error={error("from")} />
        <TextField name="to" type="date" label={t("audit.filter.to")} defaultValue={typed.to} error={error("to")} />
        <div className="flex items-center gap-3">
          <Button type="submit">{t("audit.filter.submit")}</Button>
          <Link href="/admin/audit" className={linkClass}>
            {t("audit.filter.reset")}
          </Link>
        </div>
      </form>
      <datalist id="audit-change-types">
        {types.map((ct) => (
          <option key={ct} value={ct} />
        ))}
      </datalist>
      {result === null ? (
        <p role="alert" className="text-sm text-red-700">
          {problems.page ? t("audit.filter.error.page") : t("audit.filter.refused")}
        </p>
      ) : (
        <>
          <p className="text-sm text-slate-600">{t("audit.count", { count: result.total })}</p>
          {result.rows.length === 0 ? <EmptyState>{t("audit.none")}</EmptyState> : <AuditEntries t={t} entries={entries} />}
          <nav aria-label={t("audit.page", { page: result.page, pages: result.pages })} className="flex items-center gap-3 text-sm">
            {result.page > 1 && (
              <Link className={linkClass} rel="prev" href={`?${query(filter, result.page - 1)}`}>
                {t("audit.prev")}
              </Link>
            )}
            <span>{t("audit.page", { page: result.page, pages: result.pages })}</span>
            {result.page < result.pages && (
              <Link className={linkClass} rel="next" href={`?${query(filter, result.page + 1)}`}>
                {t("audit.next")}
              </Link>
            )}
          </nav>
        </>
      )}

      <Card id="audit-subscriptions" title={t("audit.subs.title")} className="space-y-3">
        <p className="text-sm text-slate-600">{t("audit.subs.intro")}</p>
        {subs.length === 0 ? (
          <EmptyState small>{t("audit.subs.none")}</EmptyState>
        ) : (
          <ul className="space-y-2">
            {subs.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center gap-3">
                <span className="font-mono">{s.changeType}</span>
                <DeleteButton action={unsubscribeAction.bind(null, s.id)} label={t("audit.subs.remove")} name={s.changeType} />
              </li>
            ))}
          </ul>
        )}
        <ActionForm action={subscribeAction} className="space-y-3" label={t("audit.subs.title")}>
          <TextField id="subscribe-change-type" name="changeType" label={t("audit.subs.changeType")} list="audit-change-types" required />
          <SubmitButton>{t("audit.subs.add")}</SubmitButton>
        </ActionForm>
      </Card>
    </div>
  );
}
