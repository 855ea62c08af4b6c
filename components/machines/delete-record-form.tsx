import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/ui/field";
import type { FormAction } from "@/components/forms/action-form";
import type { Translate } from "@/lib/i18n/translate";

/** "Delete" behind a disclosure: one usage session or intervention, with the reason the history keeps. */
export function DeleteRecordForm({ t, action, label, idPrefix }: { t: Translate; action: FormAction; label: string; idPrefix: string }) {
  return (
    <details>
      <summary className="min-h-6 cursor-pointer leading-6 underline">{t("mach.delete.open")}</summary>
      <ActionForm action={action} className="space-y-2" label={label}>
        <TextField label={t("mach.delete.reason")} name="reason" id={`${idPrefix}-reason`} required minLength={3} maxLength={500} />
        <SubmitButton>{t("mach.delete.submit")}</SubmitButton>
      </ActionForm>
    </details>
  );
}
