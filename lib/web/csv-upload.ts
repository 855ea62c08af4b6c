/** Imports take at most this much CSV, uploaded or pasted. */
export const MAX_CSV_BYTES = 5 * 1024 * 1024;

/** The CSV of an import form: the uploaded file, else the pasted (or sent-back) text; null when too large. */
export async function csvFromForm(formData: FormData): Promise<string | null> {
  const file = formData.get("file");
  if (file instanceof File && file.size > 0) return file.size > MAX_CSV_BYTES ? null : file.text();
  const text = formData.get("csv");
  return typeof text === "string" && text.length <= MAX_CSV_BYTES ? text : null;
}
