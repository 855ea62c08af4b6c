import Link from "next/link";
import { Card } from "@/components/ui/card";
import { linkClass, secondaryButtonClass } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/guards";
import { listEquipmentTypes } from "@/lib/domain/equipment/equipment-type-service";
import { listMachines } from "@/lib/domain/equipment/machine-service";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { PageTitle } from "@/components/ui/page-title";

const th = "px-3 py-2 text-left text-sm font-semibold text-slate-600";
const td = "px-3 py-2 align-top";

export default async function AdminEquipmentPage() {
  await requirePermission("equipment.manage");
  const db = getDb();
  const [t, types, machines] = await Promise.all([getT(), listEquipmentTypes(db), listMachines(db)]);

  return (
    <div className="space-y-6">
      <PageTitle
        actions={
          <>
            <Link href="/admin/equipment/test-card" className={secondaryButtonClass}>
              {t("eq.links.testCard")}
            </Link>
            <Link href="/admin/equipment/people" className={secondaryButtonClass}>
              {t("eq.links.people")}
            </Link>
          </>
        }
      >
        {t("eq.admin.title")}
      </PageTitle>

      <Card
        id="types"
        title={t("eq.types.title")}
        className="space-y-3"
        actions={
          <Link href="/admin/equipment/types/new" className={secondaryButtonClass}>
            {t("eq.types.new")}
          </Link>
        }
      >
        {types.length === 0 ? (
          <p className="text-slate-600">{t("eq.types.none")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[32rem]">
              <thead>
                <tr className="border-b border-slate-200">
                  <th className={th}>{t("eq.col.name")}</th>
                  <th className={th}>{t("eq.col.purpose")}</th>
                  <th className={th}>{t("eq.col.validity")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {types.map((type) => (
                  <tr key={type.id}>
                    <td className={td}>
                      <Link href={`/admin/equipment/types/${type.id}`} className={linkClass}>
                        {type.name}
                      </Link>
                      {type.noAuthorizationNeeded && <span className="ml-2 text-xs text-slate-500">({t("eq.noAuthNeeded")})</span>}
                    </td>
                    <td className={td}>{t(`eq.purpose.${type.purpose}`)}</td>
                    <td className={td}>{type.validityMonths ? t("eq.validity.months", { months: type.validityMonths }) : t("eq.validity.never")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>

      <Card
        id="machines"
        title={t("eq.machines.title")}
        className="space-y-3"
        actions={
          <Link href="/admin/equipment/machines/new" className={secondaryButtonClass}>
            {t("eq.machines.new")}
          </Link>
        }
      >
        {machines.length === 0 ? (
          <p className="text-slate-600">{t("eq.machines.none")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[40rem]">
              <thead>
                <tr className="border-b border-slate-200">
                  <th className={th}>{t("eq.col.name")}</th>
                  <th className={th}>{t("eq.col.type")}</th>
                  <th className={th}>{t("eq.col.boardId")}</th>
                  <th className={th}>{t("eq.col.location")}</th>
                  <th className={th}>{t("eq.col.state")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {machines.map((m) => (
                  <tr key={m.id}>
                    <td className={td}>
                      <Link href={`/admin/equipment/machines/${m.id}`} className={linkClass}>
                        {m.name}
                      </Link>
                    </td>
                    <td className={td}>{m.equipmentTypeName}</td>
                    <td className={`${td} font-mono`}>{m.boardId ?? "–"}</td>
                    <td className={td}>{m.location}</td>
                    <td className={td}>
                      {m.blocked ? (
                        <span className="text-red-800">{t("eq.machine.blocked", { reason: m.blockedReason })}</span>
                      ) : (
                        <span className="text-emerald-700">{t("eq.machine.inService")}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
