import Link from "next/link";
import { directoryKeyParam, type DirectoryKey } from "@/lib/domain/people/directory";
import type { Translate } from "@/lib/i18n/translate";

const linkClass = "rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100";

/** Below a directory page: back to the first page (when not on it) and on to the next (when there is one). */
export function DirectoryPager({ t, path, onFirst, next }: { t: Translate; path: string; onFirst: boolean; next: DirectoryKey | null }) {
  if (onFirst && !next) return null;
  return (
    <nav aria-label={t("directory.pages")} className="flex items-center gap-3 text-sm">
      {!onFirst && (
        <Link href={path} className={linkClass}>
          {t("directory.first")}
        </Link>
      )}
      {next && (
        <Link href={`${path}?${new URLSearchParams({ after: directoryKeyParam(next) })}`} className={linkClass} rel="next">
          {t("people.next")}
        </Link>
      )}
    </nav>
  );
}
