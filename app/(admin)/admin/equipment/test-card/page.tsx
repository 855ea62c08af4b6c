import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { SelectField, TextField } from "@/components/ui/field";
import { cardClass, linkClass } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/guards";
import { listMachines } from "@/lib/domain/equipment/machine-service";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { testCardAction } from "./actions";
import { PageTitle } from "@/components/ui/page-title";

export default async function TestCardPage() {
  await requirePermission("equipment.manage");
  const [t, machines] = await Promise.all([getT(), listMachines(getDb())]);
  return (
    <div className="space-y-4">
      <Link href="/admin/equipment" className={linkClass}>
        {t("eq.back")}
      </Link>
      <PageTitle>{t("eq.test.title")}</PageTitle>
      <p className="text-slate-600">{t("eq.test.intro")}</p>
      <ActionForm action={testCardAction} className={`${cardClass} space-y-4`} label={t("eq.test.title")} messageAt="bottom">
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label={t("eq.test.uid")} name="uid" required maxLength={64} autoComplete="off" hint={t("eq.test.uid.hint")} className="font-mono" />
          <SelectField label={t("eq.test.machine")} name="machineId" required>
            {machines.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name} ({m.equipmentTypeName})
              </option>
            ))}
          </SelectField>
        </div>
        <SubmitButton>{t("eq.test.submit")}</SubmitButton>
      </ActionForm>
    </div>
  );
}
