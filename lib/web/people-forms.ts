import type { ProfileInput } from "@/lib/domain/people/profile-input";
import { parseId } from "@/lib/domain/shared/ids";

const str = (formData: FormData, name: string) => {
  const v = formData.get(name);
  return typeof v === "string" ? v : "";
};

/** Studies are typed one per line: "Physics, 2010, 2014" (years optional). */
export function parseStudies(text: string): ProfileInput["studies"] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [field = "", start = "", end = ""] = line.split(",").map((s) => s.trim());
      return { field, startYear: start ? (start as unknown as number) : null, endYear: end ? (end as unknown as number) : null };
    });
}

export function studiesToText(studies: { field: string; startYear: number | null; endYear: number | null }[]): string {
  return studies.map((s) => [s.field, s.startYear ?? "", s.endYear ?? ""].join(", ").replace(/(, )+$/, "")).join("\n");
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
    studies: parseStudies(str(formData, "studies")),
  };
}

export const formString = str;
/** An id from the form; 0 (matches nothing) for anything that is not one (parseId: within PostgreSQL's integer). */
export const formInt = (formData: FormData, name: string) => parseId(str(formData, name)) ?? 0;
