import Link from "next/link";
import { forbidden } from "next/navigation";
import { requireUser } from "@/lib/auth/guards";
import { duePlansAcrossSpace } from "@/lib/domain/machines/maintenance-due";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { PageTitle } from "@/components/ui/page-title";

const th = "px-2 py-1 text-left font-medium text-slate-600";

/** What maintenance is due across the space, most overdue first. */
export default async function MaintenanceDuePage() {
  const user = await requireUser();
  if (!user.permissions.has("equipment.manage") && !user.permissions.has("machines.operate")) forbidden();
  const [t, due] = await Promise.all([getT(), duePlansAcrossSpace(getDb())]);
  return (
    <div className="space-y-4">
      <PageTitle>{t("mach.due.title")}</PageTitle>
      {due.length === 0 ? (
        <p className="text-slate-600">{t("mach.due.none")}</p>
      ) : (
        <table className="w-full rounded-lg border border-slate-200 bg-white text-sm">
          <thead>
            <tr>
              <th className={th}>{t("mach.mine.machine")}</th>
              <th className={th}>{t("mach.plans.lcdText")}</th>
              <th className={th}>{t("mach.plans.every")}</th>
              <th className={th}>{t("mach.plans.hoursSince")}</th>
            </tr>
          </thead>
          <tbody>
            {due.map((p) => (
              <tr key={p.planId}>
                <td className="px-2 py-1">
                  <Link className="underline" href={`/admin/equipment/machines/${p.machineId}/operations`}>
                    {p.machineName}
                  </Link>
                </td>
                <td className="px-2 py-1">{p.lcdText}</td>
                <td className="px-2 py-1">{p.everyHours}</td>
                <td className="px-2 py-1 font-medium text-red-800">{p.hoursSince.toFixed(1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
