import Link from "next/link";
import { ProfileFieldList, ProfilePhoto } from "@/components/people/profile-field-list";
import { cardClass, linkClass } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/guards";
import { DirectoryPager } from "@/components/people/directory-pager";
import { parseDirectoryKeyParam } from "@/lib/domain/people/directory";
import { listPublicPeoplePage } from "@/lib/domain/people/public-profile";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { PageTitle } from "@/components/ui/page-title";
import { EmptyState } from "@/components/ui/empty-state";

/** People per page: the whole directory of a large space is megabytes (10,000 people: 8.6 MB, 44 s). */
const PAGE_SIZE = 60;

/** The member directory: each entry shows exactly what visibleProfile lets this viewer see, and links to the profile page. */
export default async function DirectoryPage({ searchParams }: { searchParams: Promise<{ after?: string | string[] }> }) {
  const user = await requirePermission("directory.read");
  const after = parseDirectoryKeyParam([(await searchParams).after].flat()[0]);
  const [t, { entries, next }] = await Promise.all([
    getT(),
    listPublicPeoplePage(getDb(), { personId: user.personId, permissions: user.permissions }, { after, limit: PAGE_SIZE }),
  ]);
  return (
    <div className="space-y-4">
      <PageTitle>{t("directory.title")}</PageTitle>
      {entries.length === 0 && <EmptyState>{t("directory.none")}</EmptyState>}
      <ul className="grid gap-3 sm:grid-cols-2">
        {entries.map(({ personId, slug, fields }) => (
          <li key={personId} className={cardClass} aria-label={fields.name}>
            <div className="flex items-center gap-3">
              {typeof fields.photo === "string" && <ProfilePhoto personId={personId} photo={fields.photo} alt={t("photo.of", { name: fields.name ?? "" })} />}
              <Link href={`/people/${slug}`} className={`font-semibold ${linkClass}`}>
                {fields.name}
              </Link>
            </div>
            <ProfileFieldList t={t} fields={fields} />
          </li>
        ))}
      </ul>
      <DirectoryPager t={t} path="/directory" onFirst={!after} next={next} />
    </div>
  );
}
