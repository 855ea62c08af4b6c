import type { Board } from "@/lib/db/schema";
import type { PlanHoursRow } from "@/lib/domain/machines/plan-hours";
import type { Translate } from "@/lib/i18n/translate";

const th = "px-2 py-1 text-left font-medium text-slate-600";
const td = "px-2 py-1";

export function PlansTable({ t, plans }: { t: Translate; plans: PlanHoursRow[] }) {
  if (plans.length === 0) return <p className="text-slate-600">{t("mach.plans.none")}</p>;
  return (
    <table className="w-full text-sm">
      <thead>
        <tr>
          <th className={th}>{t("mach.plans.lcdText")}</th>
          <th className={th}>{t("mach.plans.every")}</th>
          <th className={th}>{t("mach.plans.hoursSince")}</th>
          <th className={th}>{t("mach.plans.state")}</th>
        </tr>
      </thead>
      <tbody>
        {plans.map((p) => (
          <tr key={p.planId} data-overdue={p.overdue}>
            <td className={td}>{p.lcdText}</td>
            <td className={td}>{p.everyHours}</td>
            <td className={td}>{p.hoursSince.toFixed(1)}</td>
            <td className={`${td} ${p.overdue ? "font-medium text-red-800" : "text-emerald-700"}`}>
              {p.overdue ? t("mach.plans.overdue") : t("mach.plans.ok")}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function BoardsTable({ t, boards, when }: { t: Translate; boards: Board[]; when: (d: Date) => string }) {
  if (boards.length === 0) return <p className="text-slate-600">{t("mach.boards.none")}</p>;
  return (
    <table className="w-full text-sm">
      <thead>
        <tr>
          <th className={th}>{t("mach.boards.firmware")}</th>
          <th className={th}>{t("mach.boards.ip")}</th>
          <th className={th}>{t("mach.boards.serial")}</th>
          <th className={th}>{t("mach.boards.heap")}</th>
          <th className={th}>{t("mach.boards.lastSeen")}</th>
        </tr>
      </thead>
      <tbody>
        {boards.map((b) => (
          <tr key={b.id}>
            <td className={td}>{b.firmwareVersion ?? "–"}</td>
            <td className={td}>{b.ip ?? "–"}</td>
            <td className={`${td} font-mono`}>{b.serial ?? "–"}</td>
            <td className={td}>{b.heap ?? "–"}</td>
            <td className={td}>{when(b.lastSeenAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
