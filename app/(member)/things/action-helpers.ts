import type { Failure } from "@/lib/domain/inventory/result";
import type { ThingInput } from "@/lib/domain/inventory/things";
import type { Translate } from "@/lib/i18n/translate";
import type { ActionResult } from "@/lib/web/action-result";

/** Harmless typed values to hand back after a refusal (never files). */
export function textValues(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of formData.entries()) if (typeof v === "string" && !k.startsWith("$")) out[k] = v;
  return out;
}

const optionalId = (v: string | undefined) => (v && /^\d+$/.test(v) ? Number(v) : null);
const optional = (v: string | undefined) => (v?.trim() ? v.trim() : null);

export function thingInputFrom(values: Record<string, string>, categoryId: number | null): ThingInput {
  return {
    name: values.name ?? "",
    description: values.description ?? "",
    categoryId,
    locationId: optionalId(values.locationId),
    ownership: values.ownership === "on_loan_from_member" ? "on_loan_from_member" : "owned",
    lenderPersonId: optionalId(values.lenderPersonId),
    lenderUntil: optional(values.lenderUntil),
    value: optional(values.value)?.replace(",", ".") ?? null,
    purchaseDate: optional(values.purchaseDate),
    notes: values.notes ?? "",
  };
}

export { optionalId };

/** The domain's code picks the translated message; validation details (field: problem) are appended. */
export function failed(t: Translate, failure: Failure, values?: Record<string, string>): ActionResult {
  const message = failure.code === "invalid" ? `${t("inv.error.invalid")} ${failure.message}` : t(`inv.error.${failure.code}`);
  return { ok: false, code: failure.code, message, values };
}
