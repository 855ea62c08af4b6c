import { ActionForm } from "@/components/forms/action-form";
import type { deliveryLog } from "@/lib/domain/webhooks/subscriptions";
import type { Translate } from "@/lib/i18n/translate";
import type { ActionResult } from "@/lib/web/action-result";

const th = "px-2 py-1 text-left font-medium";
const td = "px-2 py-1 align-top";
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
  if (rows.length === 0) return <p className="text-sm text-slate-600">{t("wh.log.none")}</p>;
  return (
    <table className="w-full text-sm">
      <thead>
        <tr>
          <th className={th}>{t("wh.log.event")}</th>
          <th className={th}>{t("wh.log.status")}</th>
          <th className={th}>{t("wh.log.attempts")}</th>
          <th className={th}>{t("wh.log.result")}</th>
          <th className={th}>
            <span className="sr-only">{t("wh.log.redeliver")}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ d, type, occurredAt }) => (
          <tr key={d.id} className="border-t border-slate-100" data-testid={`delivery-${d.id}`}>
            <td className={td}>
              <span className="font-mono">{type}</span>{" "}
              <span className="text-slate-500">
                #{d.eventId} · {when(occurredAt)}
              </span>
            </td>
            <td className={td}>
              {t(`wh.status.${d.status}`)}
              {d.status === "pending" && d.attempts > 0 && <span className="block text-slate-500">{t("wh.log.next", { when: when(d.nextAttemptAt) })}</span>}
            </td>
            <td className={td}>{d.attempts}</td>
            <td className={`${td} break-all`}>{d.lastAttemptAt ? `${when(d.lastAttemptAt)}: ${d.lastError ?? `HTTP ${d.lastStatus}`}` : "—"}</td>
            <td className={td}>
              {d.status !== "pending" && (
                <ActionForm action={redeliver} label={`${t("wh.log.redeliver")} #${d.id}`} messageAt="bottom">
                  <input type="hidden" name="deliveryId" value={d.id} />
                  <button type="submit" className="rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100">
                    {t("wh.log.redeliver")}
                  </button>
                </ActionForm>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
