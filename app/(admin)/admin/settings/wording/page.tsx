import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { requirePermission } from "@/lib/auth/guards";
import { searchWording } from "@/lib/domain/settings/message-overrides";
import { getLocale, getT } from "@/lib/i18n/server";
import { isLocale, LOCALES } from "@/lib/i18n/translate";
import { getSpace } from "@/lib/web/space";
import { saveWordingAction } from "./actions";
import { cardClass, linkClass } from "@/components/ui/styles";
import { PageTitle } from "@/components/ui/page-title";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Select } from "@/components/ui/select";

export async function generateMetadata() {
  return { title: (await getT())("wording.title") };
}

// A repeated parameter (?q=a&q=b) arrives as an array: the first one counts.
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/** The space's own wording: find a text by what it says or by its key, see the default, change or reset it. */
export default async function WordingPage({ searchParams }: { searchParams: Promise<{ q?: string | string[]; lang?: string | string[] }> }) {
  await requirePermission("system.admin");
  const [t, current, space, params] = await Promise.all([getT(), getLocale(), getSpace(), searchParams]);
  const asked = first(params.lang);
  const lang = isLocale(asked) ? asked : current;
  const q = first(params.q).slice(0, 200);
  const { rows, more } = searchWording(lang, space.messageOverrides[lang], q);
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/settings" className={linkClass}>
          {t("wording.back")}
        </Link>
      </p>
      <PageTitle>{t("wording.title")}</PageTitle>
      <p className="max-w-3xl text-slate-700">{t("wording.intro")}</p>
      <form method="get" className="flex flex-wrap items-end gap-3" role="search" aria-label={t("wording.search")}>
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">{t("wording.query")}</span>
          <input name="q" defaultValue={q} className="w-72 rounded border border-slate-300 px-3 py-2" />
        </label>
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">{t("nav.language")}</span>
          <Select look="inline" name="lang" defaultValue={lang}>
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {t(`lang.${l}`)}
              </option>
            ))}
          </Select>
        </label>
        <Button type="submit">{t("wording.search")}</Button>
      </form>
      {rows.length === 0 ? (
        <EmptyState>{q ? t("wording.noMatch") : t("wording.noOverrides")}</EmptyState>
      ) : (
        <ul className="space-y-4" aria-label={t("wording.results")}>
          {rows.map((row) => (
            <li key={row.key} className={`${cardClass} space-y-2`}>
              <p className="font-mono text-xs text-slate-500">{row.key}</p>
              <p className="text-sm text-slate-600">
                {t("wording.default")}: <span className="whitespace-pre-wrap text-slate-800">{row.shipped}</span>
              </p>
              {lang !== "en" && (
                <p className="text-sm text-slate-600">
                  {t("lang.en")}: <span className="whitespace-pre-wrap">{row.english}</span>
                </p>
              )}
              <ActionForm action={saveWordingAction} label={t("wording.formOf", { key: row.key })} className="space-y-2">
                <input type="hidden" name="locale" value={lang} />
                <input type="hidden" name="key" value={row.key} />
                <label className="block text-sm">
                  <span className="mb-1 block font-medium text-slate-700">{row.override === null ? t("wording.yours") : t("wording.current")}</span>
                  <textarea
                    name="text"
                    defaultValue={row.override ?? row.shipped}
                    rows={row.shipped.length > 120 ? 5 : 2}
                    className="block w-full rounded border border-slate-300 px-3 py-2"
                  />
                </label>
                <div className="flex flex-wrap gap-2">
                  <SubmitButton>{t("wording.save")}</SubmitButton>
                  {row.override !== null && (
                    <Button type="submit" name="intent" value="reset" look="secondary" size="normal">
                      {t("wording.reset")}
                    </Button>
                  )}
                </div>
              </ActionForm>
            </li>
          ))}
        </ul>
      )}
      {more && <p className="text-sm text-slate-600">{t("wording.more")}</p>}
    </div>
  );
}
