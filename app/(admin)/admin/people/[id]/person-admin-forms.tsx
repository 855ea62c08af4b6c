import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import type { MembershipStatus, MembershipType } from "@/lib/db/schema";
import { getT } from "@/lib/i18n/server";
import { addMembershipAction, changeStatusAction, erasePersonAction } from "../actions";
import { statusLabel } from "@/components/people/status-label";
import { dayOf } from "@/lib/time";
import { getSpace } from "@/lib/web/space";
import { Card } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";

/** Change status (with a reason), add a membership, erase: the admin person page's action forms. */
export async function PersonAdminForms({
  personId,
  statusId,
  statuses,
  types,
  erased,
}: {
  personId: number;
  statusId: number;
  statuses: MembershipStatus[];
  types: MembershipType[];
  erased: boolean;
}) {
  const t = await getT();
  const today = dayOf(new Date(), (await getSpace()).timeZone);
  return (
    <>
      <Card id="status-change" title={t("person.changeStatus")}>
        <ActionForm action={changeStatusAction} className="grid gap-3 sm:grid-cols-[1fr_2fr_auto] sm:items-end" label={t("person.changeStatus")}>
          <input type="hidden" name="personId" value={personId} />
          <SelectField label={t("person.newStatus")} name="statusId" id="status-change-id" defaultValue={statusId}>
            {statuses.map((s) => (
              <option key={s.id} value={s.id}>
                {statusLabel(t, s)}
              </option>
            ))}
          </SelectField>
          <TextField label={t("person.reason")} name="reason" required maxLength={500} />
          <SubmitButton>{t("person.changeStatus")}</SubmitButton>
        </ActionForm>
      </Card>
      <Card id="membership-add" title={t("membership.add")}>
        <ActionForm action={addMembershipAction} className="grid gap-3 sm:grid-cols-2" label={t("membership.add")}>
          <input type="hidden" name="personId" value={personId} />
          <SelectField label={t("membership.type")} name="typeId">
            {types.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </SelectField>
          <TextField label={t("membership.validFrom")} name="validFrom" type="date" defaultValue={today} required />
          <TextField label={t("membership.validUntil")} name="validUntil" type="date" />
          <CheckboxField label={t("membership.endsAtYearEnd")} name="endsAtYearEnd" />
          <div>
            <SubmitButton>{t("membership.add")}</SubmitButton>
          </div>
        </ActionForm>
      </Card>
      {!erased && (
        <Card id="erase" title={t("person.erase")} intro={t("person.erase.intro")} tone="danger">
          <ActionForm action={erasePersonAction} className="space-y-3" label={t("person.erase")}>
            <input type="hidden" name="personId" value={personId} />
            <TextField label={t("person.reason")} name="reason" id="erase-reason" maxLength={500} />
            <CheckboxField label={t("person.erase.confirmBanned")} name="confirmBanned" />
            <ConfirmButton look="dangerPrimary">{t("person.erase.submit")}</ConfirmButton>
          </ActionForm>
        </Card>
      )}
    </>
  );
}
