import { ActionForm } from "@/components/forms/action-form";
import type { deliveryLog } from "@/lib/domain/webhooks/subscriptions";
import type { Translate } from "@/lib/i18n/translate";
import type { ActionResult } from "@/lib/web/action-result";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { Button } from "@/components/ui/button";

type Row = Awaited<ReturnType<typeof deliveryLog>>[number];

/** A hook's deliveries, newest first: what, how it went, the receiver's last answer, and "send again". */
export function DeliveryLog({
  t,
  rows,
  when,
  redeliver,
}: {
  t: Translate;
  rows: Row[];
  when: (d: Date) => string;
  redeliver: (p: ActionResult | null, f: FormData) => Promise<ActionResult>;
}) {
  if (rows.length === 0) return <EmptyState small>{t("wh.log.none")}</EmptyState>;
  return (
    <Table labelledBy="hook-log">
      <thead>
        <tr>
          <Th>{t("wh.log.event")}</Th>
          <Th>{t("wh.log.status")}</Th>
          <Th>{t("wh.log.attempts")}</Th>
          <Th>{t("wh.log.result")}</Th>
          <Th labelHidden>{t("wh.log.redeliver")}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ d, type, occurredAt }) => (
          <tr key={d.id} data-testid={`delivery-${d.id}`}>
            <Td>
              <span className="font-mono">{type}</span>{" "}
              <span className="text-slate-500">
                #{d.eventId} · {when(occurredAt)}
              </span>
            </Td>
            <Td>
              {t(`wh.status.${d.status}`)}
              {d.status === "pending" && d.attempts > 0 && <span className="block text-slate-500">{t("wh.log.next", { when: when(d.nextAttemptAt) })}</span>}
            </Td>
            <Td>{d.attempts}</Td>
            <Td className="break-all">{d.lastAttemptAt ? `${when(d.lastAttemptAt)}: ${d.lastError ?? `HTTP ${d.lastStatus}`}` : "—"}</Td>
            <Td>
              {d.status !== "pending" && (
                <ActionForm action={redeliver} label={`${t("wh.log.redeliver")} #${d.id}`} messageAt="bottom">
                  <input type="hidden" name="deliveryId" value={d.id} />
                  <Button type="submit" look="secondary" size="tiny">
                    {t("wh.log.redeliver")}
                  </Button>
                </ActionForm>
              )}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
