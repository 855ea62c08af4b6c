import { createNewsAction, updateNewsAction } from "./actions";
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/ui/field";
import { requirePermission } from "@/lib/auth/guards";
import { listNews } from "@/lib/domain/community/news";
import { formatDateTime } from "@/lib/time";
import { getLocale, getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { getSpace } from "@/lib/web/space";
import { cardClass, labelClass } from "@/components/ui/styles";
import { Card } from "@/components/ui/card";
import { PageTitle } from "@/components/ui/page-title";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";

const area = "block w-full rounded border border-slate-300 bg-white px-3 py-2 text-base";

export default async function NewsAdminPage() {
  const user = await requirePermission("news.write");
  const [t, locale, space, posts] = await Promise.all([getT(), getLocale(), getSpace(), listNews(getDb(), user, 100)]);
  return (
    <div className="max-w-2xl space-y-6">
      <PageTitle>{t("com.newsAdmin.title")}</PageTitle>
      <Card id="news-new" title={t("com.newsAdmin.new")}>
        <ActionForm action={createNewsAction} className="space-y-3" label={t("com.newsAdmin.new")}>
          <TextField label={t("com.newsAdmin.titleField")} name="title" id="news-new-title" required maxLength={200} />
          <div>
            <label htmlFor="news-new-body" className={labelClass}>
              {t("com.newsAdmin.body")}
            </label>
            <textarea id="news-new-body" name="body" rows={5} required className={area} />
          </div>
          <Button type="submit">{t("com.newsAdmin.publish")}</Button>
        </ActionForm>
      </Card>
      {posts.map((p) => (
        <ActionForm
          key={`${p.id}-${p.updatedAt.getTime()}`}
          action={updateNewsAction}
          className={`${cardClass} space-y-2`}
          label={`${t("com.newsAdmin.edit")}: ${p.title}`}
        >
          <p className="text-xs text-slate-500">
            {t("com.news.by", { name: p.authorName ?? "—", when: formatDateTime(p.publishedAt, locale, space.timeZone) })}
          </p>
          <input type="hidden" name="id" value={p.id} />
          <TextField label={t("com.newsAdmin.titleField")} name="title" id={`news-${p.id}-title`} defaultValue={p.title} required maxLength={200} />
          <div>
            <label htmlFor={`news-${p.id}-body`} className={labelClass}>
              {t("com.newsAdmin.body")}
            </label>
            <textarea id={`news-${p.id}-body`} name="body" rows={4} defaultValue={p.body} required className={area} />
          </div>
          <div className="flex gap-2">
            <Button type="submit" name="intent" value="save">
              {t("com.newsAdmin.save")}
            </Button>
            <ConfirmButton name="intent" value="delete" size="normal">
              {t("com.newsAdmin.delete")}
            </ConfirmButton>
          </div>
        </ActionForm>
      ))}
    </div>
  );
}
