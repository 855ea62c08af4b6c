import { z } from "zod";
import type { Refusal } from "@/lib/web/action-pipeline";
import type { Translate } from "@/lib/i18n/translate";
import { optionalInt, text } from "@/lib/web/form-data";
import { readPickedPerson } from "@/lib/web/person-pick";

/** A thing or location id bound by the page; the browser sends it back, so it is checked like any input. */
export const boundId = z.tuple([z.number().int().positive()]);

const optional = (v: string) => (v.trim() ? v.trim() : null);

/** The thing form's text in the shape of the domain's thingInput (its rules decide); the category comes after. */
export async function thingFormValues(formData: FormData) {
  return {
    name: text(formData, "name"),
    description: text(formData, "description"),
    categoryId: optionalInt(formData, "categoryId"),
    locationId: optionalInt(formData, "locationId"),
    ownership: text(formData, "ownership") || "owned",
    lenderPersonId: (await readPickedPerson(formData, "lenderPersonId")) ?? null,
    lenderUntil: optional(text(formData, "lenderUntil")),
    value: optional(text(formData, "value"))?.replace(",", ".") ?? null,
    purchaseDate: optional(text(formData, "purchaseDate")),
    notes: text(formData, "notes"),
  };
}

export const thingLabels = {
  name: "inv.thing.name",
  description: "inv.thing.description",
  categoryId: "inv.thing.category",
  newCategory: "inv.thing.newCategory",
  locationId: "inv.thing.location",
  ownership: "inv.thing.ownership",
  lenderPersonId: "inv.thing.lender",
  lenderUntil: "inv.thing.lenderUntil",
  value: "inv.thing.value",
  purchaseDate: "inv.thing.purchaseDate",
  notes: "inv.thing.notes",
} as const;

/** The inventory's refusals: the domain's code picks the message; validation details (field: problem) are appended. */
export function inventoryRefusal(refusal: Refusal, t: Translate): string {
  return refusal.code === "invalid" ? `${t("inv.error.invalid")} ${refusal.message}` : t(`inv.error.${refusal.code as "forbidden"}`);
}
