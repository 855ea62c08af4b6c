import { lendThingAction, moveThingAction, returnThingAction } from "../actions";
import type { InventoryLocation } from "@/lib/db/schema";
import type { Translate } from "@/lib/i18n/translate";
import { addDays, isoDate, parseDay } from "@/lib/time";
import { SelectField, TextField } from "@/components/ui/field";
import { PersonPicker } from "@/components/ui/person-picker";
import { personPickerTexts } from "@/components/people/person-picker-texts";
import { ActionForm } from "@/components/forms/action-form";
import { OutcomeLine } from "@/components/forms/outcome-line";
import { LocationOptions } from "@/components/inventory/location-options";
import { Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";

interface Props {
  t: Translate;
  thingId: number;
  locationId: number | null;
  lentOut: boolean;
  locations: InventoryLocation[];
  /** Today in the space's time zone ("YYYY-MM-DD"): loans run two weeks unless the form says otherwise. */
  today: string;
}

/** Move, lend and take back: the everyday changes, right on the thing's page. */
export function ThingManage({ t, thingId, locationId, lentOut, locations, today }: Props) {
  const inTwoWeeks = isoDate(addDays(parseDay(today)!, 14));
  return (
    // The outcome line stays when lending swaps the lend form for the take-back form (and back).
    <OutcomeLine className="space-y-3">
      <div className="grid gap-4 md:grid-cols-2">
        <Card id="thing-move" title={t("inv.thing.move")}>
          <ActionForm action={moveThingAction.bind(null, thingId)} className="space-y-3" label={t("inv.thing.move")}>
            <SelectField label={t("inv.thing.newLocation")} name="locationId" defaultValue={locationId ?? ""}>
              <option value="">{t("inv.none")}</option>
              <LocationOptions locations={locations} />
            </SelectField>
            <Button type="submit">{t("inv.thing.moveSubmit")}</Button>
          </ActionForm>
        </Card>
        {lentOut ? (
          <Card id="thing-return" title={t("inv.loan.return")}>
            <ActionForm action={returnThingAction.bind(null, thingId)} className="space-y-3" label={t("inv.loan.return")}>
              <Button type="submit">{t("inv.loan.returnSubmit")}</Button>
            </ActionForm>
          </Card>
        ) : (
          <Card id="thing-lend" title={t("inv.loan.lend")}>
            <ActionForm action={lendThingAction.bind(null, thingId)} className="space-y-3" label={t("inv.loan.lend")}>
              <PersonPicker label={t("inv.loan.borrower")} name="borrowerPersonId" purpose="borrower" required texts={personPickerTexts(t)} />
              <TextField label={t("inv.loan.dueAt")} name="dueAt" type="date" required defaultValue={inTwoWeeks} />
              <TextField label={t("inv.loan.note")} name="note" maxLength={500} />
              <Button type="submit">{t("inv.loan.lendSubmit")}</Button>
            </ActionForm>
          </Card>
        )}
      </div>
    </OutcomeLine>
  );
}
