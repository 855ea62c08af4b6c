import { SelectField, TextField } from "@/components/ui/field";
import type { EquipmentType, Machine } from "@/lib/db/schema";
import type { Translate } from "@/lib/i18n/translate";

/** The fields of a machine, empty for a new one (optionally preselecting a type). */
export function MachineFormFields({ t, types, machine, typeId }: { t: Translate; types: EquipmentType[]; machine?: Machine; typeId?: number }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField label={t("eq.machine.name")} name="name" defaultValue={machine?.name} required maxLength={100} />
      <SelectField label={t("eq.machine.type")} name="equipmentTypeId" defaultValue={machine?.equipmentTypeId ?? typeId} required>
        {types.map((type) => (
          <option key={type.id} value={type.id}>
            {type.name}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t("eq.machine.boardId")}
        name="boardId"
        type="number"
        min={0}
        max={999999}
        defaultValue={machine?.boardId ?? ""}
        hint={t("eq.machine.boardId.hint")}
      />
      <TextField label={t("eq.machine.location")} name="location" defaultValue={machine?.location} maxLength={200} />
      <TextField label={t("eq.machine.make")} name="make" defaultValue={machine?.make} maxLength={100} />
      <TextField label={t("eq.machine.model")} name="model" defaultValue={machine?.model} maxLength={100} />
      <TextField label={t("eq.machine.serialNumber")} name="serialNumber" defaultValue={machine?.serialNumber} maxLength={100} />
      <div />
      <TextField
        label={t("eq.machine.autoLogoffMinutes")}
        name="autoLogoffMinutes"
        type="number"
        min={0}
        max={10080}
        required
        defaultValue={machine?.autoLogoffMinutes ?? 0}
        hint={t("eq.machine.autoLogoffMinutes.hint")}
      />
      <TextField
        label={t("eq.machine.graceMinutes")}
        name="graceMinutes"
        type="number"
        min={0}
        max={240}
        required
        defaultValue={machine?.graceMinutes ?? 2}
        hint={t("eq.machine.graceMinutes.hint")}
      />
    </div>
  );
}
