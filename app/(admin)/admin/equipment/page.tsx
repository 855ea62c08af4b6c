import Link from "next/link";
import { Card } from "@/components/ui/card";
import { linkClass } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/guards";
import { listEquipmentTypes } from "@/lib/domain/equipment/equipment-type-service";
import { listMachines } from "@/lib/domain/equipment/machine-service";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { PageTitle } from "@/components/ui/page-title";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { ButtonLink } from "@/components/ui/button";

export default async function AdminEquipmentPage() {
  await requirePermission("equipment.manage");
  const db = getDb();
  const [t, types, machines] = await Promise.all([getT(), listEquipmentTypes(db), listMachines(db)]);

  return (
    <div className="space-y-6">
      <PageTitle
        actions={
          <>
            <ButtonLink href="/admin/equipment/test-card" look="secondary">
              {t("eq.links.testCard")}
            </ButtonLink>
            <ButtonLink href="/admin/equipment/people" look="secondary">
              {t("eq.links.people")}
            </ButtonLink>
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
          <ButtonLink href="/admin/equipment/types/new" look="secondary">
            {t("eq.types.new")}
          </ButtonLink>
        }
      >
        {types.length === 0 ? (
          <EmptyState>{t("eq.types.none")}</EmptyState>
        ) : (
          <Table look="roomy" labelledBy="types" className="min-w-[32rem]">
            <thead>
              <tr>
                <Th>{t("eq.col.name")}</Th>
                <Th>{t("eq.col.purpose")}</Th>
                <Th>{t("eq.col.validity")}</Th>
              </tr>
            </thead>
            <tbody>
              {types.map((type) => (
                <tr key={type.id}>
                  <Td>
                    <Link href={`/admin/equipment/types/${type.id}`} className={linkClass}>
                      {type.name}
                    </Link>
                    {type.noAuthorizationNeeded && <span className="ml-2 text-xs text-slate-500">({t("eq.noAuthNeeded")})</span>}
                  </Td>
                  <Td>{t(`eq.purpose.${type.purpose}`)}</Td>
                  <Td>{type.validityMonths ? t("eq.validity.months", { months: type.validityMonths }) : t("eq.validity.never")}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>

      <Card
        id="machines"
        title={t("eq.machines.title")}
        className="space-y-3"
        actions={
          <ButtonLink href="/admin/equipment/machines/new" look="secondary">
            {t("eq.machines.new")}
          </ButtonLink>
        }
      >
        {machines.length === 0 ? (
          <EmptyState>{t("eq.machines.none")}</EmptyState>
        ) : (
          <Table look="roomy" labelledBy="machines" className="min-w-[40rem]">
            <thead>
              <tr>
                <Th>{t("eq.col.name")}</Th>
                <Th>{t("eq.col.type")}</Th>
                <Th>{t("eq.col.boardId")}</Th>
                <Th>{t("eq.col.location")}</Th>
                <Th>{t("eq.col.state")}</Th>
              </tr>
            </thead>
            <tbody>
              {machines.map((m) => (
                <tr key={m.id}>
                  <Td>
                    <Link href={`/admin/equipment/machines/${m.id}`} className={linkClass}>
                      {m.name}
                    </Link>
                  </Td>
                  <Td>{m.equipmentTypeName}</Td>
                  <Td className="font-mono">{m.boardId ?? "–"}</Td>
                  <Td>{m.location}</Td>
                  <Td>
                    {m.blocked ? (
                      <span className="text-red-800">{t("eq.machine.blocked", { reason: m.blockedReason })}</span>
                    ) : (
                      <span className="text-emerald-700">{t("eq.machine.inService")}</span>
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}
