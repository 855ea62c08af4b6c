import { scheduleSessionAction } from "./actions";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import type { Translate } from "@/lib/i18n/translate";

const LEVELS = ["user", "owner", "trainer"] as const;

/** Schedule a session on one of the types the trainer trains; times are the space's local time. */
interface Props {
  t: Translate;
  types: { id: number; name: string }[];
  /** Other trainers of these types who may run the session too. */
  coTrainers: { personId: number; name: string; typeIds: number[] }[];
  timeZone: string;
  defaultStart: string;
  defaultEnd: string;
}

export function ScheduleForm({ t, types, coTrainers, timeZone, defaultStart, defaultEnd }: Props) {
  const typeName = (id: number) => types.find((x) => x.id === id)?.name ?? "";
  return (
    <ActionForm action={scheduleSessionAction} className="space-y-4" label={t("tr.schedule.title")}>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label={t("tr.f.type")} name="equipmentTypeId" required>
          {types.map((type) => (
            <option key={type.id} value={type.id}>
              {type.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("tr.f.level")} name="level" defaultValue="user">
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(`level.${l}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t("tr.f.starts")}
          name="startsAt"
          type="datetime-local"
          required
          defaultValue={defaultStart}
          hint={t("tr.f.timeZone", { zone: timeZone })}
        />
        <TextField label={t("tr.f.ends")} name="endsAt" type="datetime-local" required defaultValue={defaultEnd} />
        <TextField label={t("tr.f.room")} name="room" maxLength={200} />
        <TextField label={t("tr.f.capacity")} name="capacity" type="number" min={1} max={500} required defaultValue={4} />
      </div>
      <TextAreaField label={t("tr.f.notes")} name="notes" maxLength={2000} />
      {coTrainers.length > 0 && (
        <fieldset className="space-y-1">
          <legend className="mb-1 text-sm font-medium text-slate-700">{t("tr.f.coTrainers")}</legend>
          {coTrainers.map((c) => (
            <label key={c.personId} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="coTrainerIds" value={c.personId} className="h-4 w-4" />
              {c.name} <span className="text-slate-500">({c.typeIds.map(typeName).join(", ")})</span>
            </label>
          ))}
        </fieldset>
      )}
      <SubmitButton>{t("tr.f.submit")}</SubmitButton>
    </ActionForm>
  );
}
