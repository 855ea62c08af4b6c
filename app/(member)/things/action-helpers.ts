import { z } from "zod";
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

/** The inventory's refusals: `inv.error.<code>`; the forms' schemas are the domain's, so bad input is named by field before. */
export const inventoryRefusal = "inv.error";
