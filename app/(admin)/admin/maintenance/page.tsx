import Link from "next/link";
import { forbidden } from "next/navigation";
import { requireUser } from "@/lib/auth/guards";
import { duePlansAcrossSpace } from "@/lib/domain/machines/maintenance-due";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { PageTitle } from "@/components/ui/page-title";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";

/** What maintenance is due across the space, most overdue first. */
export default async function MaintenanceDuePage() {
  const user = await requireUser();
  if (!user.permissions.has("equipment.manage") && !user.permissions.has("machines.operate")) forbidden();
  const [t, due] = await Promise.all([getT(), duePlansAcrossSpace(getDb())]);
  return (
    <div className="space-y-4">
      <PageTitle>{t("mach.due.title")}</PageTitle>
      {due.length === 0 ? (
        <EmptyState>{t("mach.due.none")}</EmptyState>
      ) : (
        <Table look="boxed" label={t("mach.due.title")}>
          <thead>
            <tr>
              <Th>{t("mach.mine.machine")}</Th>
              <Th>{t("mach.plans.lcdText")}</Th>
              <Th>{t("mach.plans.every")}</Th>
              <Th>{t("mach.plans.hoursSince")}</Th>
            </tr>
          </thead>
          <tbody>
            {due.map((p) => (
              <tr key={p.planId}>
                <Td>
                  <Link className="underline" href={`/admin/equipment/machines/${p.machineId}/operations`}>
                    {p.machineName}
                  </Link>
                </Td>
                <Td>{p.lcdText}</Td>
                <Td>{p.everyHours}</Td>
                <Td className="font-medium text-red-800">{p.hoursSince.toFixed(1)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
