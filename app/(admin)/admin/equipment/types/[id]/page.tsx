import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { SelectField } from "@/components/ui/field";
import { cardClass, linkClass } from "@/components/ui/styles";
import { DeleteSection } from "@/components/equipment/delete-section";
import { TypeFormFields } from "@/components/equipment/type-form-fields";
import { requirePermission } from "@/lib/auth/guards";
import { getEquipmentType, listEquipmentTypes } from "@/lib/domain/equipment/equipment-type-service";
import { listPrerequisites } from "@/lib/domain/training/prerequisites";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { addPrerequisiteAction, deleteEquipmentTypeAction, removePrerequisiteAction, updateEquipmentTypeAction } from "../actions";
import { parseId } from "@/lib/domain/shared/ids";
import { Card } from "@/components/ui/card";
import { PageTitle } from "@/components/ui/page-title";
import { EmptyState } from "@/components/ui/empty-state";
import { ConfirmButton } from "@/components/ui/confirm-button";

const LEVELS = ["user", "owner", "trainer"] as const;

export default async function EditEquipmentTypePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("equipment.manage");
  const id = parseId((await params).id);
  const db = getDb();
  const [t, type] = await Promise.all([getT(), id !== null ? getEquipmentType(db, id) : null]);
  if (!type) notFound();
  const [prerequisites, types] = await Promise.all([listPrerequisites(db, type.id), listEquipmentTypes(db)]);

  return (
    <div className="space-y-6">
      <Link href="/admin/equipment" className={linkClass}>
        {t("eq.back")}
      </Link>
      <PageTitle>{t("eq.type.editTitle", { name: type.name })}</PageTitle>
      <ActionForm action={updateEquipmentTypeAction} className={`${cardClass} space-y-4`} label={t("eq.type.editTitle", { name: type.name })}>
        <input type="hidden" name="id" value={type.id} />
        <TypeFormFields t={t} type={type} />
        <SubmitButton>{t("eq.save")}</SubmitButton>
      </ActionForm>

      <Card id="prerequisites" title={t("eq.prereq.title")} className="space-y-4">
        <p className="text-sm text-slate-600">{t("eq.prereq.intro")}</p>
        {prerequisites.length === 0 ? (
          <EmptyState>{t("eq.prereq.none")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {prerequisites.map((p) => (
              <li key={p.id} className="py-2">
                <ActionForm action={removePrerequisiteAction} className="flex flex-wrap items-center justify-between gap-2" messageAt="bottom">
                  <span>{t("eq.prereq.item", { level: t(`level.${p.level}`), requiresLevel: t(`level.${p.requiresLevel}`), type: p.requiresTypeName })}</span>
                  <input type="hidden" name="id" value={p.id} />
                  <ConfirmButton
                    look="secondary"
                    question={t("eq.prereq.removeConfirm", {
                      item: t("eq.prereq.item", { level: t(`level.${p.level}`), requiresLevel: t(`level.${p.requiresLevel}`), type: p.requiresTypeName }),
                    })}
                  >
                    {t("eq.prereq.remove")}
                  </ConfirmButton>
                </ActionForm>
              </li>
            ))}
          </ul>
        )}
        <ActionForm action={addPrerequisiteAction} className="space-y-3" label={t("eq.prereq.add")}>
          <input type="hidden" name="equipmentTypeId" value={type.id} />
          <div className="grid gap-3 sm:grid-cols-4 sm:items-end">
            <SelectField label={t("eq.prereq.level")} name="level" defaultValue="owner">
              {LEVELS.map((l) => (
                <option key={l} value={l}>
                  {t(`level.${l}`)}
                </option>
              ))}
            </SelectField>
            <SelectField label={t("eq.prereq.requiresType")} name="requiresEquipmentTypeId" defaultValue={type.id}>
              {types.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </SelectField>
            <SelectField label={t("eq.prereq.requiresLevel")} name="requiresLevel" defaultValue="user">
              {LEVELS.map((l) => (
                <option key={l} value={l}>
                  {t(`level.${l}`)}
                </option>
              ))}
            </SelectField>
            <SubmitButton>{t("eq.prereq.add")}</SubmitButton>
          </div>
        </ActionForm>
      </Card>

      <DeleteSection
        action={deleteEquipmentTypeAction}
        id={type.id}
        labels={{ title: t("eq.delete.title"), hint: t("eq.delete.typeHint"), submit: t("eq.delete.submit") }}
      />
    </div>
  );
}
