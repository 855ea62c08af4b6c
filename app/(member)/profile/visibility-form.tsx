import { CheckboxField, SelectField } from "@/components/ui/field";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { AUDIENCES, VISIBILITY_FIELDS, fieldAudience, type VisibilitySettings } from "@/lib/domain/people/visibility";
import { getT } from "@/lib/i18n/server";
import { setOwnVisibilityAction } from "./actions";

/** Who sees each field of my profile, and "only the board". */
export async function VisibilityForm({ settings }: { settings: VisibilitySettings }) {
  const t = await getT();
  const unrestricted = { ...settings, boardOnly: false };
  return (
    <ActionForm action={setOwnVisibilityAction} className="space-y-4" label={t("visibility.title")}>
      <div className="grid gap-3 sm:grid-cols-2">
        {VISIBILITY_FIELDS.map((field) => (
          <SelectField key={field} label={t(`visibility.field.${field}`)} name={`visibility.${field}`} defaultValue={fieldAudience(unrestricted, field)}>
            {AUDIENCES.map((a) => (
              <option key={a} value={a}>
                {t(`visibility.audience.${a}`)}
              </option>
            ))}
          </SelectField>
        ))}
      </div>
      <CheckboxField label={t("visibility.boardOnly")} name="boardOnly" defaultChecked={settings.boardOnly} />
      <SubmitButton>{t("visibility.save")}</SubmitButton>
    </ActionForm>
  );
}
