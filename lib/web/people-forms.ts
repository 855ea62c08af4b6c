import type { ProfileInput } from "@/lib/domain/people/profile-input";
import { parseId } from "@/lib/domain/shared/ids";

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
