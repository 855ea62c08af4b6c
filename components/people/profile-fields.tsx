import { CheckboxField, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { chosenLocale } from "@/lib/i18n/locales";
import { getOfferedLocales, getT } from "@/lib/i18n/server";
import { getSpace } from "@/lib/web/space";
import { StudyRows } from "./study-rows";

export interface ProfileDefaults {
  firstName?: string;
  lastName?: string;
  email?: string | null;
  phone?: string | null;
  preferredLanguage?: string;
  company?: string | null;
  jobTitle?: string | null;
  interests?: string | null;
  studies?: { field: string; startYear: number | null; endYear: number | null }[];
}

/**
 * The profile's fields, shared by the admin forms and the member's own profile page. The language list is the
 * languages the space offers (admin settings); a saved language no longer offered falls back to the space's default.
 * `studyFields`: the names people choose their fields of study from (the page loads them: listStudyFields).
 */
export async function ProfileFields({ defaults = {}, studyFields }: { defaults?: ProfileDefaults; studyFields: string[] }) {
  const [t, space, offered] = await Promise.all([getT(), getSpace(), getOfferedLocales()]);
  const language = chosenLocale(offered, defaults.preferredLanguage, space.defaultLanguage);
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField label={t("profile.firstName")} name="firstName" defaultValue={defaults.firstName ?? ""} required maxLength={100} autoComplete="given-name" />
      <TextField label={t("profile.lastName")} name="lastName" defaultValue={defaults.lastName ?? ""} maxLength={100} autoComplete="family-name" />
      <TextField label={t("profile.email")} name="email" type="email" defaultValue={defaults.email ?? ""} maxLength={320} autoComplete="email" />
      <TextField label={t("profile.phone")} name="phone" type="tel" defaultValue={defaults.phone ?? ""} maxLength={50} autoComplete="tel" />
      <TextField label={t("profile.company")} name="company" defaultValue={defaults.company ?? ""} maxLength={200} />
      <TextField label={t("profile.jobTitle")} name="jobTitle" defaultValue={defaults.jobTitle ?? ""} maxLength={200} />
      <SelectField label={t("profile.language")} name="preferredLanguage" defaultValue={language}>
        {offered.map((l) => (
          <option key={l} value={l}>
            {t(`lang.${l}`)}
          </option>
        ))}
      </SelectField>
      <div className="sm:col-span-2">
        <TextAreaField label={t("profile.interests")} name="interests" defaultValue={defaults.interests ?? ""} maxLength={2000} />
      </div>
      <div className="sm:col-span-2">
        <StudyRows
          legend={t("profile.studies")}
          hint={t("profile.study.hint")}
          labels={{
            field: t("profile.study.field"),
            start: t("profile.study.start"),
            end: t("profile.study.end"),
            // Plain strings: a client component gets no functions from the server.
            rows: Array.from({ length: (defaults.studies?.length ?? 0) + 2 }, (_, i) => t("profile.study.row", { n: i + 1 })),
          }}
          choices={[...new Set([...studyFields, ...(defaults.studies ?? []).map((s) => s.field)])]}
          rows={defaults.studies ?? []}
        />
      </div>
    </div>
  );
}

export { CheckboxField };
