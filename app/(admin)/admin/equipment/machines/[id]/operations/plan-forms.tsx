import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/ui/field";
import type { MaintenancePlan } from "@/lib/db/schema";
import type { PlanHoursRow } from "@/lib/domain/machines/plan-hours";
import type { Translate } from "@/lib/i18n/translate";
import { addPlanAction, deletePlanAction, recordDoneAction, updatePlanAction } from "./plan-actions";
import { ConfirmButton } from "@/components/ui/confirm-button";

/** Per plan: record it done (by hand) and, for managers, edit or delete it. */
export function PlanRowForms({ t, plan, stored, mayManage }: { t: Translate; plan: PlanHoursRow; stored?: StoredPlan; mayManage: boolean }) {
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
          <ConfirmButton question={t("mach.plans.deleteConfirm", { plan: plan.lcdText })}>{t("mach.plans.delete", { plan: plan.lcdText })}</ConfirmButton>
        </ActionForm>
      )}
      {mayManage && stored && <EditPlanForm t={t} plan={stored} />}
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

type StoredPlan = Pick<MaintenancePlan, "id" | "machineId" | "everyHours" | "lcdText" | "description" | "instructionsUrl">;

/** Inline edit (closed until opened); ids carry the plan id because every plan on the page has one. */
function EditPlanForm({ t, plan }: { t: Translate; plan: StoredPlan }) {
  const id = (field: string) => `plan-${plan.id}-${field}`;
  return (
    <details className="w-full">
      <summary className="cursor-pointer text-sm text-amber-800 hover:underline">{t("mach.plans.edit", { plan: plan.lcdText })}</summary>
      <ActionForm action={updatePlanAction} className="mt-2 grid gap-3 sm:grid-cols-2" label={t("mach.plans.edit", { plan: plan.lcdText })}>
        <input type="hidden" name="machineId" value={plan.machineId} />
        <input type="hidden" name="planId" value={plan.id} />
        <TextField id={id("every")} label={t("mach.plans.every")} name="everyHours" type="number" defaultValue={plan.everyHours} />
        <TextField id={id("lcd")} label={t("mach.plans.lcdText")} name="lcdText" defaultValue={plan.lcdText} hint={t("mach.plans.lcdHint")} />
        <TextField id={id("description")} label={t("mach.plans.description")} name="description" defaultValue={plan.description} maxLength={2000} />
        <TextField id={id("link")} label={t("mach.plans.instructions")} name="instructionsUrl" defaultValue={plan.instructionsUrl ?? ""} maxLength={2000} />
        <div>
          <SubmitButton>{t("mach.plans.save")}</SubmitButton>
        </div>
      </ActionForm>
    </details>
  );
}
