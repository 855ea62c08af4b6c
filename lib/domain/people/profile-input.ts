import { z } from "zod";
import { LOCALES } from "@/lib/i18n/translate";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : null));

const year = z.coerce.number().int().min(1900).max(2200).nullable().optional();

export const studySchema = z
  .object({ field: z.string().trim().min(1).max(200), startYear: year, endYear: year })
  .refine((s) => s.startYear == null || s.endYear == null || s.endYear >= s.startYear, { message: "end year before start year", path: ["endYear"] });

/** Profile fields as a form or an import sends them; the domain validates again whatever the page did. */
export const profileInputSchema = z.object({
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().max(100).default(""),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(320)
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(z.email().nullable()),
  phone: optionalText(50).pipe(
    z
      .string()
      .regex(/^[+0-9 ()\/.-]{3,50}$/, "not a phone number")
      .nullable(),
  ),
  preferredLanguage: z.enum(LOCALES).default("en"),
  company: optionalText(200),
  jobTitle: optionalText(200),
  interests: optionalText(2000),
  studies: z.array(studySchema).max(20).optional(),
});
export type ProfileInput = z.input<typeof profileInputSchema>;
export type ProfileData = z.output<typeof profileInputSchema>;

/** The profile columns an audit entry records (typed, so audit-labels.test.ts reads their names from the code). */
export interface ProfileAuditValues {
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  preferredLanguage: string;
  company: string | null;
  jobTitle: string | null;
  interests: string | null;
}

/** The profile columns as audit values: what a history entry compares. */
export function profileAuditValues(p: ProfileAuditValues): ProfileAuditValues {
  const { firstName, lastName, email, phone, preferredLanguage, company, jobTitle, interests } = p;
  return { firstName, lastName, email, phone, preferredLanguage, company, jobTitle, interests };
}
