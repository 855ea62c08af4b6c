import Link from "next/link";
import { ProfileFieldList, ProfilePhoto } from "@/components/people/profile-field-list";
import { cardClass, linkClass } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/guards";
import { listPublicPeople } from "@/lib/domain/people/public-profile";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { PageTitle } from "@/components/ui/page-title";

/** The member directory: each entry shows exactly what visibleProfile lets this viewer see, and links to the profile page. */
export default async function DirectoryPage() {
  const user = await requirePermission("directory.read");
  const [t, entries] = await Promise.all([getT(), listPublicPeople(getDb(), { personId: user.personId, permissions: user.permissions })]);
  return (
    <div className="space-y-4">
      <PageTitle>{t("directory.title")}</PageTitle>
      {entries.length === 0 && <p className="text-slate-600">{t("directory.none")}</p>}
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
    </div>
  );
}
