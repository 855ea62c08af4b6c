import Link from "next/link";
import { getT } from "@/lib/i18n/server";

const href = (query: string, page: number) => `?${new URLSearchParams({ ...(query ? { q: query } : {}), page: String(page) })}`;
const linkClass = "rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100";

export async function Pagination({ query, page, pages }: { query: string; page: number; pages: number }) {
  if (pages <= 1) return null;
  const t = await getT();
  return (
    <nav aria-label={t("people.page", { page, pages })} className="flex items-center gap-3 text-sm">
      {page > 1 && (
        <Link href={href(query, page - 1)} className={linkClass} rel="prev">
          {t("people.prev")}
        </Link>
      )}
      <span>{t("people.page", { page, pages })}</span>
      {page < pages && (
        <Link href={href(query, page + 1)} className={linkClass} rel="next">
          {t("people.next")}
        </Link>
      )}
    </nav>
  );
}
