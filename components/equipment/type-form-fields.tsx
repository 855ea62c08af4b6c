import { CheckboxField, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import type { EquipmentType } from "@/lib/db/schema";
import type { Translate } from "@/lib/i18n/translate";

const PURPOSES = ["equipment", "organisation", "system"] as const;

/** The fields of an equipment type, empty for a new one. Rendered on the server inside an ActionForm. */
export function TypeFormFields({ t, type }: { t: Translate; type?: EquipmentType }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField label={t("eq.type.name")} name="name" defaultValue={type?.name} required maxLength={100} />
      <SelectField label={t("eq.type.purpose")} name="purpose" defaultValue={type?.purpose ?? "equipment"}>
        {PURPOSES.map((p) => (
          <option key={p} value={p}>
            {t(`eq.purpose.${p}`)}
          </option>
        ))}
      </SelectField>
      <div className="sm:col-span-2">
        <TextAreaField label={t("eq.type.description")} name="description" defaultValue={type?.description} maxLength={2000} />
      </div>
      <TextField
        label={t("eq.type.validityMonths")}
        name="validityMonths"
        type="number"
        min={1}
        max={600}
        defaultValue={type?.validityMonths ?? ""}
        hint={t("eq.type.validityMonths.hint")}
      />
      <TextField
        label={t("eq.type.expiresWithoutUseMonths")}
        name="expiresWithoutUseMonths"
        type="number"
        min={1}
        max={600}
        defaultValue={type?.expiresWithoutUseMonths ?? ""}
        hint={t("eq.type.expiresWithoutUseMonths.hint")}
      />
      <TextField label={t("eq.type.boardKind")} name="boardKind" type="number" min={1} max={5} required defaultValue={type?.boardKind ?? 5} />
      <div className="self-end pb-2">
        <CheckboxField label={t("eq.type.noAuthorizationNeeded")} name="noAuthorizationNeeded" defaultChecked={type?.noAuthorizationNeeded ?? false} />
      </div>
    </div>
  );
}
