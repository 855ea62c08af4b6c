import { ButtonLink } from "@/components/ui/button";
import { directoryKeyParam, type DirectoryKey } from "@/lib/domain/people/directory";
import type { Translate } from "@/lib/i18n/translate";

/** Below a directory page: back to the first page (when not on it) and on to the next (when there is one). */
export function DirectoryPager({ t, path, onFirst, next }: { t: Translate; path: string; onFirst: boolean; next: DirectoryKey | null }) {
  if (onFirst && !next) return null;
  return (
    <nav aria-label={t("directory.pages")} className="flex items-center gap-3 text-sm">
      {!onFirst && (
        <ButtonLink look="secondary" href={path}>
          {t("directory.first")}
        </ButtonLink>
      )}
      {next && (
        <ButtonLink look="secondary" href={`${path}?${new URLSearchParams({ after: directoryKeyParam(next) })}`} rel="next">
          {t("people.next")}
        </ButtonLink>
      )}
    </nav>
  );
}
