import type { Failure } from "@/lib/domain/people/result";
import type { Translate } from "@/lib/i18n/translate";
import type { FieldLabels } from "./field-errors";
import { parseId } from "@/lib/domain/shared/ids";

export type InUseEntity = "status" | "type" | "addressType" | "committee" | "function";

/**
 * The people area's refusals for defineAction: `people.error.<code>` naming the field by its label, and "in use"
 * with how many records stand in the way.
 */
export function peopleRefusal(labels: FieldLabels = {}, entity?: InUseEntity) {
  return (failure: Failure, t: Translate): string => {
    if (failure.code === "in_use" && entity)
      return t(entity === "status" && failure.field === "key" ? "pa.inUse.statusSystem" : `pa.inUse.${entity}`, { count: failure.count ?? 0 });
    const name = failure.field ? (labels[failure.field] ?? labels[failure.field.split(".")[0]!]) : undefined;
    const field = name ? t(name) : (failure.field ?? "");
    const base = t(`people.error.${failure.code}`, { field });
    return failure.code === "invalid" && failure.message ? `${base} (${failure.message})` : base;
  };
}

export const formText = (formData: FormData, name: string) => String(formData.get(name) ?? "").trim();
export const formFlag = (formData: FormData, name: string) => formData.get(name) === "on";
export const formIds = (formData: FormData, name: string) => formData.getAll(name).flatMap((v) => parseId(v) ?? []);

/** "45", "45.5", "45,50" → cents; anything else → NaN, which the domain refuses naming the fee field. */
export function centsFrom(text: string): number {
  if (!/^\d{1,7}([.,]\d{1,2})?$/.test(text)) return Number.NaN;
  return Math.round(Number(text.replace(",", ".")) * 100);
}
