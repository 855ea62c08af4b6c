import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { getCurrentUser } from "@/lib/auth/current-user";
import { listNewsPage } from "@/lib/domain/community/news";
import { formatDateTime } from "@/lib/time";
import { getLocale, getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { getSpace } from "@/lib/web/space";
import { PageTitle } from "@/components/ui/page-title";
import { EmptyState } from "@/components/ui/empty-state";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  // Feed readers find the Atom feed from this page.
  return { title: t("com.news.listTitle"), alternates: { types: { "application/atom+xml": "/news.xml" } } };
}

/** All news posts, public, newest first, NEWS_PER_PAGE per page (?page=2 …). */
export default async function NewsListPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const requested = Number((await searchParams).page ?? "1");
  const [t, locale, space, list] = await Promise.all([getT(), getLocale(), getSpace(), listNewsPage(getDb(), await getCurrentUser(), requested)]);
  return (
    <div className="max-w-2xl space-y-4">
      <PageTitle
        actions={
          <a href="/news.xml" className="text-sm text-slate-600 underline">
            {t("com.news.feed")}
          </a>
        }
      >
        {t("com.news.listTitle")}
      </PageTitle>
      {list.posts.length === 0 && <EmptyState>{t("com.news.none")}</EmptyState>}
      <ul className="space-y-6" data-testid="news-list">
        {list.posts.map((p) => (
          <li key={p.id}>
            <h2 className="text-lg font-semibold">
              <Link href={`/news/${p.id}`} className="hover:underline">
                {p.title}
              </Link>
            </h2>
            <p className="text-xs text-slate-500">
              {t("com.news.by", { name: p.authorName ?? "—", when: formatDateTime(p.publishedAt, locale, space.timeZone) })}
            </p>
            <p className="mt-1 whitespace-pre-line text-sm">{p.body.length > 600 ? `${p.body.slice(0, 600)}…` : p.body}</p>
          </li>
        ))}
      </ul>
      {list.pages > 1 && (
        <nav aria-label={t("com.news.listTitle")} className="flex items-center gap-3 text-sm">
          {list.page > 1 && (
            <ButtonLink look="secondary" href={`/news?page=${list.page - 1}`} rel="prev">
              {t("com.news.newer")}
            </ButtonLink>
          )}
          <span className="text-slate-600">{t("com.news.page", { page: list.page, pages: list.pages })}</span>
          {list.page < list.pages && (
            <ButtonLink look="secondary" href={`/news?page=${list.page + 1}`} rel="next">
              {t("com.news.older")}
            </ButtonLink>
          )}
        </nav>
      )}
    </div>
  );
}
