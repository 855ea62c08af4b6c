import Link from "next/link";
import { notFound } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getNewsItem } from "@/lib/domain/community/news";
import { formatDateTime } from "@/lib/time";
import { getLocale, getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { getSpace } from "@/lib/web/space";
import { parseId } from "@/lib/domain/shared/ids";
import { PageTitle } from "@/components/ui/page-title";

/** One news post, public: the Atom feed's entries link here. */
export default async function NewsPostPage({ params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  if (id === null) notFound();
  const [t, locale, space, post] = await Promise.all([getT(), getLocale(), getSpace(), getNewsItem(getDb(), await getCurrentUser(), id)]);
  if (!post) notFound();
  return (
    <article className="max-w-2xl space-y-3">
      <Link href="/" className="text-sm text-slate-600 underline">
        {t("nav.start")}
      </Link>
      <PageTitle>{post.title}</PageTitle>
      <p className="text-sm text-slate-500">
        {t("com.news.by", { name: post.authorName ?? "—", when: formatDateTime(post.publishedAt, locale, space.timeZone) })}
      </p>
      <p className="whitespace-pre-line">{post.body}</p>
    </article>
  );
}
