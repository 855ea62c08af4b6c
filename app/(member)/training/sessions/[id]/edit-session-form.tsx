import { editSessionAction } from "../../actions";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { toLocalInput } from "@/lib/time";
import type { Translate } from "@/lib/i18n/translate";

interface Props {
  t: Translate;
  timeZone: string;
  session: { id: number; startsAt: Date; endsAt: Date; room: string; capacity: number; notes: string; seatsTaken: number };
}

/** Time, room, seats and notes of a scheduled session, prefilled; type and level stay as scheduled. */
export function EditSessionForm({ t, timeZone, session }: Props) {
  return (
    <ActionForm action={editSessionAction} className="space-y-4" label={t("tr.edit.title")}>
      <input type="hidden" name="sessionId" value={session.id} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id="edit-startsAt"
          label={t("tr.f.starts")}
          name="startsAt"
          type="datetime-local"
          required
          defaultValue={toLocalInput(session.startsAt, timeZone)}
          hint={t("tr.f.timeZone", { zone: timeZone })}
        />
        <TextField id="edit-endsAt" label={t("tr.f.ends")} name="endsAt" type="datetime-local" required defaultValue={toLocalInput(session.endsAt, timeZone)} />
        <TextField id="edit-room" label={t("tr.f.room")} name="room" maxLength={200} defaultValue={session.room} />
        <TextField id="edit-capacity" label={t("tr.f.capacity")} name="capacity" type="number" min={1} max={500} required defaultValue={session.capacity} />
      </div>
      <TextAreaField id="edit-notes" label={t("tr.f.notes")} name="notes" maxLength={2000} defaultValue={session.notes} />
      <SubmitButton>{t("tr.edit.submit")}</SubmitButton>
    </ActionForm>
  );
}
