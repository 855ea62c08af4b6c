import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { SelectField, TextField } from "@/components/ui/field";
import { linkClass } from "@/components/ui/styles";
import { MyEquipmentTypeCard } from "./my-equipment-type";
import { requireUser } from "@/lib/auth/guards";
import { listMachines } from "@/lib/domain/equipment/machine-service";
import { getMyEquipment } from "@/lib/domain/equipment/my-equipment";
import { listMyOpenRequests } from "@/lib/domain/training/request-service";
import { formatDate } from "@/lib/time";
import { getLocale, getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { requestTrainingAction, withdrawRequestAction } from "./actions";
import { getSpace } from "@/lib/web/space";
import { Card } from "@/components/ui/card";
import { PageTitle } from "@/components/ui/page-title";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ConfirmButton } from "@/components/ui/confirm-button";

const LEVELS = ["user", "owner", "trainer"] as const;

/** "My equipment": per type what I am, since and until when, what I miss, and the sessions I could join. */
export default async function MyEquipmentPage() {
  const user = await requireUser();
  const db = getDb();
  const [t, locale, { timeZone }, types, machines, requests] = await Promise.all([
    getT(),
    getLocale(),
    getSpace(),
    getMyEquipment(db, user.personId, { permissions: user.permissions }),
    listMachines(db),
    listMyOpenRequests(db, user.personId),
  ]);
  // Trains a type now (typesTrainedBy): the trainer level held on one of them.
  const trains = types.some((type) => type.levels.some((l) => l.level === "trainer" && l.current));

  return (
    <div className="space-y-6">
      <PageTitle
        actions={
          (trains || user.permissions.has("training.run")) && (
            <ButtonLink href="/training" look="secondary">
              {t("nav.training")}
            </ButtonLink>
          )
        }
      >
        {t("me.title")}
      </PageTitle>
      <p className="text-slate-600">{t("me.intro")}</p>
      {types.length === 0 && <EmptyState>{t("me.none")}</EmptyState>}
      {types.map((type) => (
        <MyEquipmentTypeCard
          key={type.id}
          type={type}
          blocked={machines.filter((m) => m.equipmentTypeId === type.id && m.blocked)}
          t={t}
          locale={locale}
          timeZone={timeZone}
        />
      ))}

      <Card id="request" title={t("me.request.title")} className="space-y-3">
        {requests.length > 0 && (
          <div className="space-y-1">
            <h3 className="font-medium">{t("me.request.open")}</h3>
            <ul className="divide-y divide-slate-100">
              {requests.map((r) => (
                <li key={r.id} className="py-2">
                  <ActionForm action={withdrawRequestAction} className="flex flex-wrap items-center justify-between gap-2" messageAt="bottom">
                    <span>
                      {t("me.request.since", { type: r.equipmentTypeName, level: t(`level.${r.level}`), date: formatDate(r.createdAt, locale, timeZone) })}
                    </span>
                    <input type="hidden" name="requestId" value={r.id} />
                    <ConfirmButton look="secondary" question={t("me.request.withdrawConfirm", { type: r.equipmentTypeName, level: t(`level.${r.level}`) })}>
                      {t("me.request.withdraw")}
                    </ConfirmButton>
                  </ActionForm>
                </li>
              ))}
            </ul>
          </div>
        )}
        <ActionForm action={requestTrainingAction} className="space-y-3" label={t("me.request.title")}>
          <div className="grid gap-3 sm:grid-cols-2">
            <SelectField label={t("me.request.type")} name="equipmentTypeId" required>
              {types.map((type) => (
                <option key={type.id} value={type.id}>
                  {type.name}
                </option>
              ))}
            </SelectField>
            <SelectField label={t("me.request.level")} name="level" defaultValue="user">
              {LEVELS.map((l) => (
                <option key={l} value={l}>
                  {t(`level.${l}`)}
                </option>
              ))}
            </SelectField>
          </div>
          <TextField label={t("me.request.note")} name="note" maxLength={500} />
          <SubmitButton>{t("me.request.submit")}</SubmitButton>
        </ActionForm>
      </Card>
      <p className="text-sm">
        <Link href="/home" className={linkClass}>
          {t("nav.home")}
        </Link>
      </p>
    </div>
  );
}
