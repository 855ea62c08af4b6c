import type { Board } from "@/lib/db/schema";
import type { PlanHoursRow } from "@/lib/domain/machines/plan-hours";
import type { Translate } from "@/lib/i18n/translate";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";

export function PlansTable({ t, plans }: { t: Translate; plans: PlanHoursRow[] }) {
  if (plans.length === 0) return <EmptyState>{t("mach.plans.none")}</EmptyState>;
  return (
    <Table labelledBy="plans">
      <thead>
        <tr>
          <Th>{t("mach.plans.lcdText")}</Th>
          <Th>{t("mach.plans.every")}</Th>
          <Th>{t("mach.plans.hoursSince")}</Th>
          <Th>{t("mach.plans.state")}</Th>
        </tr>
      </thead>
      <tbody>
        {plans.map((p) => (
          <tr key={p.planId} data-overdue={p.overdue}>
            <Td>{p.lcdText}</Td>
            <Td>{p.everyHours}</Td>
            <Td>{p.hoursSince.toFixed(1)}</Td>
            <Td className={p.overdue ? "font-medium text-red-800" : "text-emerald-700"}>{p.overdue ? t("mach.plans.overdue") : t("mach.plans.ok")}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

export function BoardsTable({ t, boards, when }: { t: Translate; boards: Board[]; when: (d: Date) => string }) {
  if (boards.length === 0) return <EmptyState>{t("mach.boards.none")}</EmptyState>;
  return (
    <Table labelledBy="boards">
      <thead>
        <tr>
          <Th>{t("mach.boards.firmware")}</Th>
          <Th>{t("mach.boards.ip")}</Th>
          <Th>{t("mach.boards.serial")}</Th>
          <Th>{t("mach.boards.heap")}</Th>
          <Th>{t("mach.boards.lastSeen")}</Th>
        </tr>
      </thead>
      <tbody>
        {boards.map((b) => (
          <tr key={b.id}>
            <Td>{b.firmwareVersion ?? "–"}</Td>
            <Td>{b.ip ?? "–"}</Td>
            <Td className="font-mono">{b.serial ?? "–"}</Td>
            <Td>{b.heap ?? "–"}</Td>
            <Td>{when(b.lastSeenAt)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
