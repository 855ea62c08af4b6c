import Link from "next/link";
import { ProfilePhoto } from "@/components/people/profile-field-list";
import { cardClass, linkClass } from "@/components/ui/styles";
import { currentViewer } from "@/lib/auth/viewer";
import { DirectoryPager } from "@/components/people/directory-pager";
import { parseDirectoryKeyParam } from "@/lib/domain/people/directory";
import { listPublicPeoplePage } from "@/lib/domain/people/public-profile";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { PageTitle } from "@/components/ui/page-title";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadingBoundary } from "@/components/ui/loading";
import type { DirectoryKey } from "@/lib/domain/people/directory";

/** People per page (a logged-in viewer may see thousands). */
const PAGE_SIZE = 60;

/** Who is here: for a visitor, the people who made their name public, each linking to their profile page. */
export default async function PeoplePage({ searchParams }: { searchParams: Promise<{ after?: string | string[] }> }) {
  const after = parseDirectoryKeyParam([(await searchParams).after].flat()[0]);
  const t = await getT();
  return (
    <div className="space-y-4">
      <PageTitle>{t("people.public.title")}</PageTitle>
      <LoadingBoundary label={t("loading.status")} lines={6}>
        <PeopleList after={after} />
      </LoadingBoundary>
    </div>
  );
}

/** One page of the people this viewer may see, and the way on. */
async function PeopleList({ after }: { after: DirectoryKey | null }) {
  const [t, { entries, next }] = await Promise.all([
    getT(),
    currentViewer().then((viewer) => listPublicPeoplePage(getDb(), viewer, { after, limit: PAGE_SIZE })),
  ]);
  return (
    <>
      {entries.length === 0 && <EmptyState>{t("directory.none")}</EmptyState>}
      <ul className="grid gap-3 sm:grid-cols-3">
        {entries.map(({ personId, slug, fields }) => (
          <li key={personId} className={`${cardClass} flex items-center gap-3`}>
            {typeof fields.photo === "string" && <ProfilePhoto personId={personId} photo={fields.photo} alt={t("photo.of", { name: fields.name ?? "" })} />}
            <Link href={`/people/${slug}`} className={linkClass}>
              {fields.name}
            </Link>
          </li>
        ))}
      </ul>
      <DirectoryPager t={t} path="/people" onFirst={!after} next={next} />
    </>
  );
}
