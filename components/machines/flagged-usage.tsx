import type { FormAction } from "@/components/forms/action-form";
import { ActionButton } from "@/components/forms/action-button";
import type { FlaggedSession } from "@/lib/domain/machines/flagged-usage";
import type { Translate } from "@/lib/i18n/translate";
import { DeleteRecordForm } from "./delete-record-form";
import { Card } from "@/components/ui/card";

interface Props {
  t: Translate;
  when: (d: Date) => string;
  flagged: { rows: FlaggedSession[]; total: number };
  accept: (id: number) => FormAction;
  remove: (id: number) => FormAction;
}

const th = "px-2 py-1 text-left font-medium text-slate-600";

/**
 * Sessions a board reported with a duration that cannot be true: they count nowhere until accepted here (then they
 * count from now on) or deleted with a reason. Shown only when there are any.
 */
export function FlaggedUsage({ t, when, flagged, accept, remove }: Props) {
  if (flagged.rows.length === 0) return null;
  return (
    <Card id="flagged" title={t("mach.flagged.title", { count: flagged.rows.length })} tone="notice" className="space-y-3">
      <p className="text-sm text-slate-700">{t("mach.flagged.intro")}</p>
      <table className="w-full text-sm">
        <thead>
          <tr>
            <th className={th}>{t("mach.usage.started")}</th>
            <th className={th}>{t("mach.usage.person")}</th>
            <th className={th}>{t("mach.flagged.reported")}</th>
            <th className={th}>{t("mach.flagged.why")}</th>
            <th className={th}>{t("mach.flagged.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {flagged.rows.map((r) => (
            <tr key={r.id} data-testid={`flagged-${r.id}`} className="align-top">
              <td className="px-2 py-1">{when(r.startedAt)}</td>
              <td className="px-2 py-1">{r.personName}</td>
              <td className="px-2 py-1">
                {r.durationSeconds === null ? t("mach.usage.open") : t("mach.flagged.minutes", { minutes: Math.round(r.durationSeconds / 60) })}
              </td>
              <td className="px-2 py-1">{t(`mach.flagged.reason.${r.reason}`)}</td>
              <td className="space-y-2 px-2 py-1">
                <ActionButton action={accept(r.id)} label={t("mach.flagged.accept", { id: r.id })} />
                {r.durationSeconds !== null && (
                  <DeleteRecordForm t={t} action={remove(r.id)} label={t("mach.delete.label", { id: r.id })} idPrefix={`flagged-delete-${r.id}`} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {flagged.total > flagged.rows.length && <p className="text-sm text-slate-600">{t("mach.flagged.more")}</p>}
    </Card>
  );
}
