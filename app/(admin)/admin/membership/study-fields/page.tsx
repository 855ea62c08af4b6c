import Link from "next/link";
import { ActionButton } from "@/components/forms/action-button";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { SelectField, TextField } from "@/components/ui/field";
import { cardClass, inputClass, labelClass, linkClass } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/guards";
import { listStudyFields } from "@/lib/domain/people/study-fields";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { createStudyFieldAction, mergeStudyFieldAction, renameStudyFieldAction, setStudyFieldRetiredAction } from "./actions";
import { PageTitle } from "@/components/ui/page-title";
import { Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/** The admins' list of fields of study: search, add, rename, merge, retire and offer again. */
export default async function StudyFieldsPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePermission("members.write");
  const params = await searchParams;
  const q = first(params.q).slice(0, 200);
  const withRetired = first(params.retired) === "1";
  const db = getDb();
  const [t, fields, all] = await Promise.all([getT(), listStudyFields(db, { q, includeRetired: withRetired }), listStudyFields(db, { includeRetired: true })]);
  return (
    <div className="space-y-6">
      <Link href="/admin/membership" className={linkClass}>
        {t("pa.back")}
      </Link>
      <PageTitle>{t("sf.title")}</PageTitle>
      <p className="text-slate-600">{t("sf.intro")}</p>
      <form method="get" role="search" className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="sf-q" className={labelClass}>
            {t("sf.search")}
          </label>
          <input id="sf-q" name="q" type="search" defaultValue={q} className={inputClass} />
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="retired" value="1" defaultChecked={withRetired} />
          {t("sf.showRetired")}
        </label>
        <Button type="submit" look="secondary">
          {t("sf.searchButton")}
        </Button>
      </form>
      {fields.length === 0 ? (
        <EmptyState>{t("sf.none")}</EmptyState>
      ) : (
        <ul className="space-y-3" aria-label={t("sf.title")}>
          {fields.map((f) => (
            <li key={f.id} className={`${cardClass} space-y-3`} aria-label={f.name}>
              <p className="text-sm text-slate-600">
                {t("sf.people", { count: f.people })}
                {f.retired && (
                  <Badge tone="neutral" className="ml-2">
                    {t("sf.retired")}
                  </Badge>
                )}
              </p>
              <div className="grid gap-3 md:grid-cols-2">
                <ActionForm action={renameStudyFieldAction.bind(null, f.id)} className="flex flex-wrap items-end gap-2" label={`${t("sf.rename")}: ${f.name}`}>
                  <TextField id={`sf-name-${f.id}`} name="name" label={t("sf.actionsOf", { name: f.name })} defaultValue={f.name} required maxLength={200} />
                  <SubmitButton>{t("sf.rename")}</SubmitButton>
                </ActionForm>
                {all.length > 1 && (
                  <ActionForm action={mergeStudyFieldAction.bind(null, f.id)} className="flex flex-wrap items-end gap-2" label={`${t("sf.merge")}: ${f.name}`}>
                    <SelectField id={`sf-into-${f.id}`} name="intoId" label={t("sf.mergeInto")}>
                      {all
                        .filter((o) => o.id !== f.id)
                        .map((o) => (
                          <option key={o.id} value={o.id}>
                            {o.name}
                          </option>
                        ))}
                    </SelectField>
                    <SubmitButton>{t("sf.merge")}</SubmitButton>
                  </ActionForm>
                )}
              </div>
              <ActionButton
                action={setStudyFieldRetiredAction.bind(null, f.id, !f.retired)}
                label={`${f.retired ? t("sf.restore") : t("sf.retire")}: ${f.name}`}
              />
            </li>
          ))}
        </ul>
      )}
      <Card id="sf-new" title={t("sf.new")}>
        <ActionForm action={createStudyFieldAction} className="flex flex-wrap items-end gap-2" label={t("sf.new")}>
          <TextField id="sf-new-name" name="name" label={t("sf.name")} required maxLength={200} />
          <SubmitButton>{t("sf.add")}</SubmitButton>
        </ActionForm>
      </Card>
    </div>
  );
}
