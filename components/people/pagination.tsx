import { ButtonLink } from "@/components/ui/button";
import { getT } from "@/lib/i18n/server";

const href = (query: string, page: number) => `?${new URLSearchParams({ ...(query ? { q: query } : {}), page: String(page) })}`;

export async function Pagination({ query, page, pages }: { query: string; page: number; pages: number }) {
  if (pages <= 1) return null;
  const t = await getT();
  return (
    <nav aria-label={t("people.page", { page, pages })} className="flex items-center gap-3 text-sm">
      {page > 1 && (
        <ButtonLink look="secondary" href={href(query, page - 1)} rel="prev">
          {t("people.prev")}
        </ButtonLink>
      )}
      <span>{t("people.page", { page, pages })}</span>
      {page < pages && (
        <ButtonLink look="secondary" href={href(query, page + 1)} rel="next">
          {t("people.next")}
        </ButtonLink>
      )}
    </nav>
  );
}
