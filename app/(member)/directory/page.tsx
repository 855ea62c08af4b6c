import { cardClass } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/guards";
import { listDirectory } from "@/lib/domain/people/directory";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";

/** The member directory: each entry shows exactly what visibleProfile lets this viewer see. */
export default async function DirectoryPage() {
  const user = await requirePermission("directory.read");
  const [t, entries] = await Promise.all([getT(), listDirectory(getDb(), { personId: user.personId, permissions: user.permissions })]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("directory.title")}</h1>
      {entries.length === 0 && <p className="text-slate-600">{t("directory.none")}</p>}
      <ul className="grid gap-3 sm:grid-cols-2">
        {entries.map(({ personId, fields }) => (
          <li key={personId} className={cardClass} aria-label={fields.name}>
            <div className="flex items-center gap-3">
              {typeof fields.photo === "string" && (
                // Served by the photo route, which applies the same visibility rule again.
                // eslint-disable-next-line @next/next/no-img-element
                <img src={`/people/${personId}/photo/thumb?v=${encodeURIComponent(fields.photo.split("/").pop() ?? "")}`} alt={t("photo.of", { name: fields.name ?? "" })} className="h-12 w-12 rounded-full border border-slate-200 object-cover" />
              )}
              <p className="font-semibold">{fields.name}</p>
            </div>
            <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-3 text-sm">
              {fields.email && (<><dt className="text-slate-500">{t("profile.email")}</dt><dd>{fields.email}</dd></>)}
              {fields.phone && (<><dt className="text-slate-500">{t("profile.phone")}</dt><dd>{fields.phone}</dd></>)}
              {fields.company && (<><dt className="text-slate-500">{t("profile.company")}</dt><dd>{fields.company}</dd></>)}
              {fields.jobTitle && (<><dt className="text-slate-500">{t("profile.jobTitle")}</dt><dd>{fields.jobTitle}</dd></>)}
              {fields.address && (<><dt className="text-slate-500">{t("profile.address")}</dt><dd>{fields.address}</dd></>)}
              {fields.interests && (<><dt className="text-slate-500">{t("profile.interests")}</dt><dd>{fields.interests}</dd></>)}
              {fields.studies && fields.studies.length > 0 && (
                <><dt className="text-slate-500">{t("profile.studies")}</dt><dd>{fields.studies.map((s) => [s.field, [s.startYear, s.endYear].filter(Boolean).join("–")].filter(Boolean).join(" ")).join("; ")}</dd></>
              )}
            </dl>
          </li>
        ))}
      </ul>
    </div>
  );
}
