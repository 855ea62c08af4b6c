import { ActionForm, type FormAction } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import type { AddressType } from "@/lib/db/schema";
import type { Translate } from "@/lib/i18n/translate";

/** A new address: one's own on the profile page, a member's on the admin's person page (the action decides whose). */
export function AddressAddForm({ t, types, action }: { t: Translate; types: AddressType[]; action: FormAction }) {
  return (
    <ActionForm action={action} className="grid gap-3 sm:grid-cols-2" label={t("address.add")}>
      <SelectField label={t("address.type")} name="typeId">
        {types.map((ty) => (
          <option key={ty.id} value={ty.id}>
            {ty.name}
          </option>
        ))}
      </SelectField>
      <TextField label={t("address.street")} name="street" required maxLength={200} autoComplete="street-address" />
      <TextField label={t("address.extra")} name="extra" maxLength={200} />
      <TextField label={t("address.postalCode")} name="postalCode" maxLength={20} autoComplete="postal-code" />
      <TextField label={t("address.city")} name="city" required maxLength={100} />
      <TextField label={t("address.country")} name="country" maxLength={100} />
      <CheckboxField label={t("address.isMain")} name="isMain" />
      <div>
        <SubmitButton>{t("address.add")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
