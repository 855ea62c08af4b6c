import type { ProfileFieldValues } from "@/lib/domain/people/directory";
import type { Translate } from "@/lib/i18n/translate";

/** The profile fields a viewer may see (already filtered by visibleProfile), as a definition list. */
export function ProfileFieldList({ t, fields }: { t: Translate; fields: Partial<ProfileFieldValues> }) {
  return (
    <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-3 text-sm">
      {fields.email && (
        <>
          <dt className="text-slate-500">{t("profile.email")}</dt>
          <dd>{fields.email}</dd>
        </>
      )}
      {fields.phone && (
        <>
          <dt className="text-slate-500">{t("profile.phone")}</dt>
          <dd>{fields.phone}</dd>
        </>
      )}
      {fields.company && (
        <>
          <dt className="text-slate-500">{t("profile.company")}</dt>
          <dd>{fields.company}</dd>
        </>
      )}
      {fields.jobTitle && (
        <>
          <dt className="text-slate-500">{t("profile.jobTitle")}</dt>
          <dd>{fields.jobTitle}</dd>
        </>
      )}
      {fields.address && (
        <>
          <dt className="text-slate-500">{t("profile.address")}</dt>
          <dd>{fields.address}</dd>
        </>
      )}
      {fields.interests && (
        <>
          <dt className="text-slate-500">{t("profile.interests")}</dt>
          <dd>{fields.interests}</dd>
        </>
      )}
      {fields.studies && fields.studies.length > 0 && (
        <>
          <dt className="text-slate-500">{t("profile.studies")}</dt>
          <dd>{fields.studies.map((s) => [s.field, [s.startYear, s.endYear].filter(Boolean).join("–")].filter(Boolean).join(" ")).join("; ")}</dd>
        </>
      )}
    </dl>
  );
}

/** The person's photo through the photo route, which applies the same visibility rule again. */
export function ProfilePhoto({ personId, photo, alt, large = false }: { personId: number; photo: string; alt: string; large?: boolean }) {
  const version = encodeURIComponent(photo.split("/").pop() ?? "");
  const size = large ? "h-32 w-32" : "h-12 w-12";
  // eslint-disable-next-line @next/next/no-img-element
  return <img src={`/people/${personId}/photo/thumb?v=${version}`} alt={alt} className={`${size} rounded-full border border-slate-200 object-cover`} />;
}
