import { z } from "zod";
import { profileInputSchema, type ProfileInput } from "@/lib/domain/people/profile-input";
import { parseId } from "@/lib/domain/shared/ids";
import type { MessageKey } from "@/lib/i18n/translate";

const str = (formData: FormData, name: string) => {
  const v = formData.get(name);
  return typeof v === "string" ? v : "";
};

/** The study lines of the profile form (study.field, study.start, study.end, in order); a line without a field goes. */
export function studiesFromForm(formData: FormData): ProfileInput["studies"] {
  const all = (name: string) => formData.getAll(name).map((v) => (typeof v === "string" ? v.trim() : ""));
  const [fields, starts, ends] = [all("study.field"), all("study.start"), all("study.end")];
  return fields.flatMap((field, i) =>
    field ? [{ field, startYear: starts[i] ? (starts[i] as unknown as number) : null, endYear: ends[i] ? (ends[i] as unknown as number) : null }] : [],
  );
}

/** The form line (0, 1, …) of each study line studiesFromForm keeps: a line without a field goes, so they differ. */
export function studyRowsOf(formData: FormData): number[] {
  return formData.getAll("study.field").flatMap((v, i) => (typeof v === "string" && v.trim() ? [i] : []));
}

/** A study line's part → the id its field has in the form (components/people/study-rows.tsx: study-end-2 …). */
const STUDY_FIELD_IDS: Record<string, string> = { field: "study-field", startYear: "study-start", endYear: "study-end" };
/** The lines a profile form can have: the most study lines a profile keeps, and the two empty ones. */
const STUDY_LINES = 22;
const PROFILE_LABELS = {
  firstName: "profile.firstName",
  lastName: "profile.lastName",
  email: "profile.email",
  phone: "profile.phone",
  company: "profile.company",
  jobTitle: "profile.jobTitle",
  preferredLanguage: "profile.language",
  interests: "profile.interests",
  studies: "profile.studies",
} as const satisfies Record<string, MessageKey>;
const STUDY_LABELS: Record<string, MessageKey> = { field: "profile.study.field", startYear: "profile.study.start", endYear: "profile.study.end" };

/**
 * A form with a person's profile (the admin's person form, one's own profile, a partner's): the profile as typed,
 * checked with the domain's schema (the domain gets it unchanged and checks again), so every wrong field is named by
 * its label beside it, all at once — a study line's fault beside that line's own field ("End year (study 2): …").
 * `input(shape)`: the form's schema with its other fields; `read(formData)`: the profile and its study lines' rows.
 */
export const profileForm = {
  input: <S extends z.ZodRawShape>(shape: S) =>
    z.object({ ...shape, profile: z.custom<ProfileInput>(), studyRows: z.array(z.number()) }).superRefine((typed, ctx) => {
      const { profile, studyRows } = typed as { profile: ProfileInput; studyRows: number[] };
      const checked = profileInputSchema.safeParse(profile);
      if (checked.success) return;
      for (const issue of checked.error.issues) {
        const [part, line] = issue.path;
        // Its line as the form numbers it (Study 1, Study 2 …), for the message.
        const n = part === "studies" && typeof line === "number" ? (studyRows[line] ?? line) + 1 : undefined;
        const params = issue.code === "custom" && n !== undefined ? { params: { ...issue.params, n } } : {};
        ctx.addIssue({ ...issue, ...params, path: ["profile", ...issue.path] } as never);
      }
    }),
  read: (formData: FormData) => ({ profile: profileFromForm(formData), studyRows: studyRowsOf(formData) }),
  /** profile.firstName → firstName; profile.studies.<line>.endYear → that line's end year field (study-end-<row>). */
  fields: (path: readonly string[], raw: Record<string, unknown>): string | undefined => {
    if (path[0] !== "profile") return undefined;
    const [, part, line, key] = path;
    if (part === "studies" && line !== undefined && key && STUDY_FIELD_IDS[key]) {
      const rows = Array.isArray(raw.studyRows) ? (raw.studyRows as number[]) : [];
      return `${STUDY_FIELD_IDS[key]}-${rows[Number(line)] ?? line}`;
    }
    return part;
  },
  labels: {
    ...PROFILE_LABELS,
    // The nested profile's fields are labelled by the names above (see fields); its study lines' rows by their group.
    "profile.studies": "profile.studies",
    studyRows: "profile.studies",
    ...Object.fromEntries(
      Array.from({ length: STUDY_LINES }, (_, i) => Object.entries(STUDY_LABELS).map(([key, label]) => [`${STUDY_FIELD_IDS[key]}-${i}`, label])).flat(),
    ),
  } as Record<string, MessageKey>,
  issueMessages: { "end year before start year": "profile.error.studyYears" } as Record<string, MessageKey>,
};

/** The profile form's fields; the domain validates them (zod) whatever the browser sent. */
export function profileFromForm(formData: FormData): ProfileInput {
  return {
    firstName: str(formData, "firstName"),
    lastName: str(formData, "lastName"),
    email: str(formData, "email"),
    phone: str(formData, "phone"),
    preferredLanguage: (str(formData, "preferredLanguage") || "en") as ProfileInput["preferredLanguage"],
    company: str(formData, "company"),
    jobTitle: str(formData, "jobTitle"),
    interests: str(formData, "interests"),
    studies: studiesFromForm(formData),
  };
}

export const formString = str;
/** An id from the form; 0 (matches nothing) for anything that is not one (parseId: within PostgreSQL's integer). */
export const formInt = (formData: FormData, name: string) => parseId(str(formData, name)) ?? 0;
