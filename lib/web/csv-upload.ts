import { z } from "zod";
import type { MessageKey } from "@/lib/i18n/translate";
import { Unmatched } from "./field-errors";
import { text } from "./form-data";

/** Imports take at most this much CSV, uploaded or pasted. */
export const MAX_CSV_BYTES = 5 * 1024 * 1024;

/** The CSV of an import form: the uploaded file, else the pasted (or sent-back) text; null when too large. */
export async function csvFromForm(formData: FormData): Promise<string | null> {
  const file = formData.get("file");
  if (file instanceof File && file.size > 0) return file.size > MAX_CSV_BYTES ? null : file.text();
  const text = formData.get("csv");
  return typeof text === "string" && text.length <= MAX_CSV_BYTES ? text : null;
}

/**
 * An import form's two steps (`intent`) as an action reads them: "preview" checks the uploaded file or the pasted text (field
 * `csv`); "confirm" sends back exactly the text that was checked (field `checkedCsv`, so a refused confirmation does
 * not fill the paste box with it). Too large: a value the schema refuses beside the paste box with `tooLarge`.
 */
export async function readImportForm(formData: FormData, tooLarge: MessageKey): Promise<{ intent: string; csv: string | Unmatched }> {
  const intent = text(formData, "intent") || "preview";
  const csv = intent === "confirm" ? text(formData, "checkedCsv") : await csvFromForm(formData);
  return { intent, csv: csv !== null && csv.length <= MAX_CSV_BYTES ? csv : new Unmatched("", tooLarge) };
}

/** The schema of an import form: a CSV with something in it, and which step. */
export const importForm = z.object({
  intent: z.enum(["preview", "confirm"]),
  csv: z.string().refine((csv) => csv.trim() !== ""),
});
