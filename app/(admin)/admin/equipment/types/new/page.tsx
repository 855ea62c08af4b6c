import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { linkClass } from "@/components/ui/styles";
import { TypeFormFields } from "@/components/equipment/type-form-fields";
import { requirePermission } from "@/lib/auth/guards";
import { getT } from "@/lib/i18n/server";
import { createEquipmentTypeAction } from "../actions";
import { PageTitle } from "@/components/ui/page-title";

export default async function NewEquipmentTypePage() {
  await requirePermission("equipment.manage");
  const t = await getT();
  return (
    <div className="space-y-4">
      <Link href="/admin/equipment" className={linkClass}>
        {t("eq.back")}
      </Link>
      <PageTitle>{t("eq.type.newTitle")}</PageTitle>
      <ActionForm action={createEquipmentTypeAction} className="space-y-4" label={t("eq.type.newTitle")}>
        <TypeFormFields t={t} />
        <SubmitButton>{t("eq.create")}</SubmitButton>
      </ActionForm>
    </div>
  );
}
