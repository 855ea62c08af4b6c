import { TextField } from "@/components/ui/field";
import { PersonPicker } from "@/components/ui/person-picker";
import { personPickerTexts } from "@/components/people/person-picker-texts";
import { ActionForm } from "@/components/forms/action-form";
import type { CommitteeView } from "@/lib/domain/people/committee-service";
import type { ActionResult } from "@/lib/web/action-result";
import { getLocale, getT } from "@/lib/i18n/server";
import { formatPlainDate } from "@/lib/time";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ConfirmButton } from "@/components/ui/confirm-button";

type Action = (prev: ActionResult | null, formData: FormData) => Promise<ActionResult>;
type Fn = CommitteeView["functions"][number];

/** Who holds a function today (each can be ended on a day), and a form to assign someone since a day. */
export async function FunctionHolders({ fn, today, assign, end }: { fn: Fn; today: string; assign: Action; end: (holderId: number) => Action }) {
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  return (
    <div className="space-y-2">
      {fn.holders.length === 0 ? (
        <EmptyState small>{t("pa.noHolders")}</EmptyState>
      ) : (
        <>
          <p className="text-sm">{t("pa.holders", { names: fn.holders.map((h) => h.name ?? `#${h.personId}`).join(", ") })}</p>
          <ul className="space-y-1">
            {fn.holders.map((h) => (
              <li key={h.holderId}>
                <ActionForm
                  action={end(h.holderId)}
                  className="flex flex-wrap items-end gap-2"
                  label={`${t("pa.holder.end")}: ${h.name ?? `#${h.personId}`}`}
                  messageAt="bottom"
                >
                  <span className="text-sm">{t("pa.holder.sinceDate", { name: h.name ?? `#${h.personId}`, date: formatPlainDate(h.since, locale) })}</span>
                  <TextField id={`holder-${h.holderId}-until`} name="until" type="date" label={t("pa.holder.until")} defaultValue={h.until ?? today} required />
                  <ConfirmButton look="secondary" question={t("pa.holder.endConfirm", { name: h.name ?? `#${h.personId}`, function: fn.name })}>
                    {t("pa.holder.end")}
                  </ConfirmButton>
                </ActionForm>
              </li>
            ))}
          </ul>
        </>
      )}
      <ActionForm action={assign} className="flex flex-wrap items-end gap-2" label={`${t("pa.holder.assign")}: ${fn.name}`} messageAt="bottom">
        <div className="min-w-64">
          <PersonPicker id={`function-${fn.id}-person`} name="person" label={t("pa.holder.person")} purpose="committee" required texts={personPickerTexts(t)} />
        </div>
        <TextField id={`function-${fn.id}-since`} name="since" type="date" label={t("pa.holder.since")} defaultValue={today} required />
        <Button type="submit" look="secondary">
          {t("pa.holder.assign")}
        </Button>
      </ActionForm>
    </div>
  );
}
