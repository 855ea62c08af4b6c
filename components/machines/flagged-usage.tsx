import type { FormAction } from "@/components/forms/action-form";
import { ActionButton } from "@/components/forms/action-button";
import type { FlaggedSession } from "@/lib/domain/machines/flagged-usage";
import type { Translate } from "@/lib/i18n/translate";
import { DeleteRecordForm } from "./delete-record-form";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";

interface Props {
  t: Translate;
  when: (d: Date) => string;
  flagged: { rows: FlaggedSession[]; total: number };
  accept: (id: number) => FormAction;
  remove: (id: number) => FormAction;
}

/**
 * Sessions a board reported with a duration that cannot be true: they count nowhere until accepted here (then they
 * count from now on) or deleted with a reason. Shown only when there are any.
 */
export function FlaggedUsage({ t, when, flagged, accept, remove }: Props) {
  if (flagged.rows.length === 0) return null;
  return (
    <Card id="flagged" title={t("mach.flagged.title", { count: flagged.rows.length })} tone="notice" className="space-y-3">
      <p className="text-sm text-slate-700">{t("mach.flagged.intro")}</p>
      <Table labelledBy="flagged">
        <thead>
          <tr>
            <Th>{t("mach.usage.started")}</Th>
            <Th>{t("mach.usage.person")}</Th>
            <Th>{t("mach.flagged.reported")}</Th>
            <Th>{t("mach.flagged.why")}</Th>
            <Th>{t("mach.flagged.actions")}</Th>
          </tr>
        </thead>
        <tbody>
          {flagged.rows.map((r) => (
            <tr key={r.id} data-testid={`flagged-${r.id}`}>
              <Td>{when(r.startedAt)}</Td>
              <Td>{r.personName}</Td>
              <Td>{r.durationSeconds === null ? t("mach.usage.open") : t("mach.flagged.minutes", { minutes: Math.round(r.durationSeconds / 60) })}</Td>
              <Td>{t(`mach.flagged.reason.${r.reason}`)}</Td>
              <Td className="space-y-2">
                <ActionButton action={accept(r.id)} label={t("mach.flagged.accept", { id: r.id })} />
                {r.durationSeconds !== null && (
                  <DeleteRecordForm t={t} action={remove(r.id)} label={t("mach.delete.label", { id: r.id })} idPrefix={`flagged-delete-${r.id}`} />
                )}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {flagged.total > flagged.rows.length && <p className="text-sm text-slate-600">{t("mach.flagged.more")}</p>}
    </Card>
  );
}
