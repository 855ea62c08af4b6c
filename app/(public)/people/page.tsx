import Link from "next/link";
import { ProfilePhoto } from "@/components/people/profile-field-list";
import { cardClass, linkClass } from "@/components/ui/styles";
import { currentViewer } from "@/lib/auth/viewer";
import { listPublicPeople } from "@/lib/domain/people/public-profile";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { PageTitle } from "@/components/ui/page-title";

/** Who is here: for a visitor, the people who made their name public, each linking to their profile page. */
export default async function PeoplePage() {
  const [t, entries] = await Promise.all([getT(), currentViewer().then((viewer) => listPublicPeople(getDb(), viewer))]);
  return (
    <div className="space-y-4">
      <PageTitle>{t("people.public.title")}</PageTitle>
      {entries.length === 0 && <p className="text-slate-600">{t("directory.none")}</p>}
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
    </div>
  );
}
