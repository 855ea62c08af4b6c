import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/ui/field";
import { cardClass, linkClass } from "@/components/ui/styles";
import { DeleteSection } from "@/components/equipment/delete-section";
import { MachineFormFields } from "@/components/equipment/machine-form-fields";
import { requirePermission } from "@/lib/auth/guards";
import { listEquipmentTypes } from "@/lib/domain/equipment/equipment-type-service";
import { getMachine } from "@/lib/domain/equipment/machine-service";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { deleteMachineAction, setMachineBlockedAction, updateMachineAction, uploadMachinePhotoAction } from "../actions";
import { parseId } from "@/lib/domain/shared/ids";
import { Card } from "@/components/ui/card";
import { PageTitle } from "@/components/ui/page-title";
import { EmptyState } from "@/components/ui/empty-state";

export default async function EditMachinePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("equipment.manage");
  const id = parseId((await params).id);
  const db = getDb();
  const [t, machine, types] = await Promise.all([getT(), id !== null ? getMachine(db, id) : null, listEquipmentTypes(db)]);
  if (!machine) notFound();
  const title = t("eq.machine.editTitle", { name: machine.name });

  return (
    <div className="space-y-6">
      <Link href="/admin/equipment" className={linkClass}>
        {t("eq.back")}
      </Link>
      <PageTitle>{title}</PageTitle>
      <Link href={`/admin/equipment/machines/${machine.id}/operations`} className={linkClass}>
        {t("mach.ops.link")}
      </Link>
      <ActionForm action={updateMachineAction} className={`${cardClass} space-y-4`} label={title}>
        <input type="hidden" name="id" value={machine.id} />
        <MachineFormFields t={t} types={types} machine={machine} />
        <SubmitButton>{t("eq.save")}</SubmitButton>
      </ActionForm>

      <Card id="photo" title={t("eq.photo.title")} className="space-y-3">
        {machine.photoPath ? (
          // eslint-disable-next-line @next/next/no-img-element -- a private, already resized image served by our route
          <img
            src={`/machines/${machine.id}/photo/display?v=${encodeURIComponent(machine.photoPath)}`}
            alt={t("eq.photo.alt", { name: machine.name })}
            className="max-h-80 rounded border border-slate-200"
          />
        ) : (
          <EmptyState>{t("eq.photo.none")}</EmptyState>
        )}
        <ActionForm action={uploadMachinePhotoAction} className="space-y-3" label={t("eq.photo.title")}>
          <input type="hidden" name="machineId" value={machine.id} />
          <TextField label={t("eq.photo.file")} name="photo" type="file" accept="image/*" required />
          <SubmitButton>{t("eq.photo.submit")}</SubmitButton>
        </ActionForm>
      </Card>

      <Card id="block" title={t("eq.block.title")} className="space-y-3">
        <p className={machine.blocked ? "font-medium text-red-800" : "text-emerald-700"}>
          {machine.blocked ? t("eq.machine.blocked", { reason: machine.blockedReason }) : t("eq.machine.inService")}
        </p>
        <ActionForm action={setMachineBlockedAction} className="space-y-3" label={t("eq.block.title")}>
          <input type="hidden" name="machineId" value={machine.id} />
          <input type="hidden" name="blocked" value={machine.blocked ? "0" : "1"} />
          {!machine.blocked && <TextField label={t("eq.block.reason")} name="reason" required maxLength={500} />}
          <SubmitButton>{machine.blocked ? t("eq.unblock.submit") : t("eq.block.submit")}</SubmitButton>
        </ActionForm>
      </Card>

      <DeleteSection
        action={deleteMachineAction}
        id={machine.id}
        labels={{ title: t("eq.delete.title"), hint: t("eq.delete.machineHint"), submit: t("eq.delete.submit") }}
      />
    </div>
  );
}
