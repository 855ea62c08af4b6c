import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import type { PlanHoursRow } from "@/lib/domain/machines/plan-hours";
import type { Translate } from "@/lib/i18n/translate";
import { addPlanAction, deletePlanAction, recordDoneAction } from "@/app/(admin)/admin/equipment/machines/[id]/operations/plan-actions";

/** Per plan: record it done (by hand) and, for managers, delete it. */
export function PlanRowForms({ t, plan, mayManage }: { t: Translate; plan: PlanHoursRow; mayManage: boolean }) {
  return (
    <div className="flex flex-wrap gap-2">
      <ActionForm action={recordDoneAction} label={t("mach.plans.recordDone", { plan: plan.lcdText })} messageAt="bottom">
        <input type="hidden" name="machineId" value={plan.machineId} />
        <input type="hidden" name="planId" value={plan.planId} />
        <SubmitButton>{t("mach.plans.recordDone", { plan: plan.lcdText })}</SubmitButton>
      </ActionForm>
      {mayManage && (
        <ActionForm action={deletePlanAction} label={t("mach.plans.delete", { plan: plan.lcdText })} messageAt="bottom">
          <input type="hidden" name="machineId" value={plan.machineId} />
          <input type="hidden" name="planId" value={plan.planId} />
          <SubmitButton>{t("mach.plans.delete", { plan: plan.lcdText })}</SubmitButton>
        </ActionForm>
      )}
    </div>
  );
}

export function AddPlanForm({ t, machineId }: { t: Translate; machineId: number }) {
  return (
    <ActionForm action={addPlanAction} className="grid gap-3 sm:grid-cols-2" label={t("mach.plans.add")}>
      <input type="hidden" name="machineId" value={machineId} />
      <TextField label={t("mach.plans.every")} name="everyHours" type="number" min={1} required />
      <TextField label={t("mach.plans.lcdText")} name="lcdText" required maxLength={16} hint={t("mach.plans.lcdHint")} />
      <TextField label={t("mach.plans.description")} name="description" maxLength={2000} />
      <TextField label={t("mach.plans.instructions")} name="instructionsUrl" type="url" maxLength={2000} />
      <SubmitButton>{t("mach.plans.add")}</SubmitButton>
    </ActionForm>
  );
}
