import type { InventoryCategory, InventoryLocation, Thing } from "@/lib/db/schema";
import { MAX_PHOTO_BYTES } from "@/lib/storage/photos";
import type { Translate } from "@/lib/i18n/translate";
import { SubmitButton } from "../forms/submit-button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { PersonPicker } from "@/components/ui/person-picker";
import { personPickerTexts } from "@/components/people/person-picker-texts";
import { PhotoInput } from "./photo-input";
import { LocationOptions } from "./location-options";

interface Props {
  t: Translate;
  thing?: Thing;
  categories: InventoryCategory[];
  locations: InventoryLocation[];
  defaultLocationId?: number;
}

/** The fields of the create and edit forms; rendered on the server inside an ActionForm. */
export function ThingFormFields({ t, thing, categories, locations, defaultLocationId }: Props) {
  return (
    <div className="space-y-4">
      <TextField label={t("inv.thing.name")} name="name" required maxLength={200} defaultValue={thing?.name} />
      <TextAreaField label={t("inv.thing.description")} name="description" maxLength={5000} defaultValue={thing?.description} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label={t("inv.thing.category")} name="categoryId" defaultValue={thing?.categoryId ?? ""}>
          <option value="">{t("inv.none")}</option>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <TextField label={t("inv.thing.newCategory")} name="newCategory" maxLength={100} hint={t("inv.thing.newCategoryHint")} />
        <SelectField label={t("inv.thing.location")} name="locationId" defaultValue={thing?.locationId ?? defaultLocationId ?? ""}>
          <option value="">{t("inv.none")}</option>
          <LocationOptions locations={locations} />
        </SelectField>
        <SelectField label={t("inv.thing.ownership")} name="ownership" defaultValue={thing?.ownership ?? "owned"}>
          <option value="owned">{t("inv.ownership.owned")}</option>
          <option value="on_loan_from_member">{t("inv.ownership.on_loan_from_member")}</option>
        </SelectField>
        <PersonPicker
          label={t("inv.thing.lender")}
          name="lenderPersonId"
          purpose="lender"
          defaultPersonId={thing?.lenderPersonId}
          texts={personPickerTexts(t)}
        />
        <TextField label={t("inv.thing.lenderUntil")} name="lenderUntil" type="date" defaultValue={thing?.lenderUntil ?? ""} />
        <TextField label={t("inv.thing.value")} name="value" inputMode="decimal" pattern="\d{1,10}([.,]\d{1,2})?" defaultValue={thing?.value ?? ""} />
        <TextField label={t("inv.thing.purchaseDate")} name="purchaseDate" type="date" defaultValue={thing?.purchaseDate ?? ""} />
      </div>
      <TextAreaField label={t("inv.thing.notes")} name="notes" maxLength={5000} defaultValue={thing?.notes} />
      <PhotoInput label={t("inv.thing.photo")} hint={t("inv.thing.photoHint")} tooLarge={t("inv.error.photo_too_large")} maxBytes={MAX_PHOTO_BYTES} />
      <SubmitButton>{t("inv.save")}</SubmitButton>
    </div>
  );
}
