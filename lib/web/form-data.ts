import { MAX_DB_INT } from "@/lib/domain/shared/ids";

/** Helpers for server actions reading FormData: everything arrives as text and is validated with zod after. */

export function text(formData: FormData, key: string): string {
  const value = formData.get(key);
  return typeof value === "string" ? value : "";
}

/**
 * An optional whole number: "" → null; anything else → the number, or NaN so that zod refuses it — also beyond
 * PostgreSQL's integer range, which every whole-number column has (else the database would refuse it: a 500).
 */
export function optionalInt(formData: FormData, key: string): number | null {
  const value = text(formData, key).trim();
  if (value === "") return null;
  return /^-?\d{1,10}$/.test(value) && Math.abs(Number(value)) <= MAX_DB_INT ? Number(value) : Number.NaN;
}

export function int(formData: FormData, key: string): number {
  return optionalInt(formData, key) ?? Number.NaN;
}

export function checkbox(formData: FormData, key: string): boolean {
  return formData.get(key) === "on";
}

/**
 * The typed text fields (never secrets), handed back on a refusal so the form can show them again. A name sent
 * several times (a group of checkboxes) comes back as its values joined with commas.
 */
export function typedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string" || key.startsWith("$") || /password/i.test(key)) continue;
    values[key] = key in values ? `${values[key]},${value}` : value;
  }
  return values;
}
