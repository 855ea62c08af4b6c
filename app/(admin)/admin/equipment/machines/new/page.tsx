import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { linkClass } from "@/components/ui/styles";
import { MachineFormFields } from "@/components/equipment/machine-form-fields";
import { requirePermission } from "@/lib/auth/guards";
import { listEquipmentTypes } from "@/lib/domain/equipment/equipment-type-service";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { createMachineAction } from "../actions";
import { parseId } from "@/lib/domain/shared/ids";
import { PageTitle } from "@/components/ui/page-title";

export default async function NewMachinePage({ searchParams }: { searchParams: Promise<{ type?: string }> }) {
  await requirePermission("equipment.manage");
  const [t, types, params] = await Promise.all([getT(), listEquipmentTypes(getDb()), searchParams]);
  return (
    <div className="space-y-4">
      <Link href="/admin/equipment" className={linkClass}>
        {t("eq.back")}
      </Link>
      <PageTitle>{t("eq.machine.newTitle")}</PageTitle>
      <ActionForm action={createMachineAction} className="space-y-4" label={t("eq.machine.newTitle")}>
        <MachineFormFields t={t} types={types} typeId={parseId(params.type) ?? undefined} />
        <SubmitButton>{t("eq.create")}</SubmitButton>
      </ActionForm>
    </div>
  );
}
