import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { SecretOnceForm } from "@/components/forms/secret-once-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/ui/field";
import { linkClass } from "@/components/ui/styles";
import { BoardsTable, PlansTable } from "@/components/machines/operations-sections";
import { AddPlanForm, PlanRowForms } from "./plan-forms";
import { UsageHistory } from "@/components/machines/usage-history";
import { requireUser } from "@/lib/auth/guards";
import { getMachine } from "@/lib/domain/equipment/machine-service";
import { machineBoards, machineInterventions, machineUsagePage, machineUsers } from "@/lib/domain/machines/machine-operations";
import { ownsMachine } from "@/lib/domain/machines/machine-owner";
import { plansOfMachine } from "@/lib/domain/machines/maintenance-plans";
import { planHours } from "@/lib/domain/machines/plan-hours";
import { parseUsageFilter } from "@/lib/domain/machines/usage-report";
import { machinePairingView } from "@/lib/domain/usage/board-pairing-view";
import { machineHours } from "@/lib/domain/usage/machine-hours";
import { isMachineOnline } from "@/lib/domain/usage/record-board-alive";
import { formatDateTime } from "@/lib/time";
import { getLocale, getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { getSpace } from "@/lib/web/space";
import { setMachineBlockedAction } from "../../actions";
import { boardCredentialsAction, remoteCommandAction } from "./actions";
import { BoardPairingSection } from "./board-pairing-section";
import { deleteInterventionAction } from "./delete-actions";
import { acceptFlaggedSessionAction, deleteFlaggedSessionAction } from "./flagged-actions";
import { FlaggedUsage } from "@/components/machines/flagged-usage";
import { flaggedSessionsOf } from "@/lib/domain/machines/flagged-usage";
import { DeleteRecordForm } from "@/components/machines/delete-record-form";
import { parseId } from "@/lib/domain/shared/ids";
import { PageTitle } from "@/components/ui/page-title";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

/** What the boards report for one machine: hours, maintenance, boards, pairing, usage history, remote control, credentials. */
export default async function MachineOperationsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requireUser();
  const mayManage = user.permissions.has("equipment.manage");
  const mayOperate = user.permissions.has("machines.operate");
  const id = parseId((await params).id);
  const query = await searchParams;
  const db = getDb();
  // Owners of the machine's type run it too (block, plans, maintenance, usage); the domain checks each action again.
  const owns = !mayManage && !mayOperate && id !== null ? await ownsMachine(db, user.personId, id) : false;
  if (!mayManage && !mayOperate && !owns) forbidden();
  const machine = id !== null ? await getMachine(db, id) : null;
  if (!machine) notFound();
  const mayPlan = mayManage || owns;
  const space = await getSpace();
  // The same reading of person and days (the space's) as the usage page.
  const { personId, from, to } = parseUsageFilter({ person: query.person, from: query.from, to: query.to }, space.timeZone);
  const [t, locale, hours, plans, boards, interventions, usage, users, online, stored, pairing, flagged] = await Promise.all([
    getT(),
    getLocale(),
    machineHours(db, machine.id),
    planHours(db, { machineId: machine.id }),
    machineBoards(db, machine.id),
    machineInterventions(db, user, machine.id),
    machineUsagePage(db, user, machine.id, { personId, from, to, page: Number(query.page) || 1 }),
    machineUsers(db, user, machine.id),
    isMachineOnline(db, machine.id),
    plansOfMachine(db, machine.id),
    mayManage ? machinePairingView(db, machine.id) : null,
    flaggedSessionsOf(db, user, machine.id),
  ]);
  const when = (d: Date) => formatDateTime(d, locale, space.timeZone);

  return (
    <div className="space-y-6">
      <Link href={`/admin/equipment/machines/${machine.id}`} className={linkClass}>
        {t("eq.back")}
      </Link>
      <PageTitle>{t("mach.ops.title", { name: machine.name })}</PageTitle>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
        <dt className="text-slate-500">{t("mach.ops.hours")}</dt>
        <dd data-testid="machine-hours">{hours.toFixed(1)}</dd>
        <dt className="text-slate-500">{t("mach.ops.online")}</dt>
        <dd>{online ? t("mach.ops.isOnline") : t("mach.ops.isOffline")}</dd>
        <dt className="text-slate-500">{t("mach.ops.blocked")}</dt>
        <dd>{machine.blocked ? machine.blockedReason : t("mach.ops.notBlocked")}</dd>
      </dl>

      {mayOperate && (
        <Card id="remote" title={t("mach.remote.title")} className="space-y-3">
          {!online ? (
            <p className="text-slate-600">{t("mach.remote.offline")}</p>
          ) : (
            <div className="flex flex-wrap gap-6">
              <ActionForm action={remoteCommandAction} className="space-y-2" label={t("mach.remote.start")}>
                <input type="hidden" name="machineId" value={machine.id} />
                <input type="hidden" name="kind" value="start" />
                <TextField label={t("mach.remote.uid")} name="uid" required maxLength={8} />
                <SubmitButton>{t("mach.remote.start")}</SubmitButton>
              </ActionForm>
              <ActionForm action={remoteCommandAction} className="space-y-2" label={t("mach.remote.stop")}>
                <input type="hidden" name="machineId" value={machine.id} />
                <input type="hidden" name="kind" value="stop" />
                <SubmitButton>{t("mach.remote.stop")}</SubmitButton>
              </ActionForm>
            </div>
          )}
        </Card>
      )}

      <FlaggedUsage
        t={t}
        when={when}
        flagged={flagged}
        accept={(sid) => acceptFlaggedSessionAction.bind(null, sid)}
        remove={(sid) => deleteFlaggedSessionAction.bind(null, sid)}
      />

      <Card id="plans" title={t("mach.plans.title")} className="space-y-3">
        <PlansTable t={t} plans={plans} />
        {plans.map((p) => (
          <PlanRowForms key={p.planId} t={t} plan={p} stored={stored.find((s) => s.id === p.planId)} mayManage={mayPlan} />
        ))}
        {mayPlan && <AddPlanForm t={t} machineId={machine.id} />}
      </Card>

      {(owns || mayOperate) && (
        <Card id="block" title={t("eq.block.title")} className="space-y-3">
          <ActionForm action={setMachineBlockedAction} className="space-y-3" label={t("eq.block.title")}>
            <input type="hidden" name="machineId" value={machine.id} />
            <input type="hidden" name="blocked" value={machine.blocked ? "0" : "1"} />
            {!machine.blocked && <TextField label={t("eq.block.reason")} name="reason" required maxLength={500} />}
            <SubmitButton>{machine.blocked ? t("eq.unblock.submit") : t("eq.block.submit")}</SubmitButton>
          </ActionForm>
        </Card>
      )}

      <Card id="interventions" title={t("mach.interventions.title")} className="space-y-3">
        {interventions.length === 0 ? (
          <EmptyState>{t("mach.interventions.none")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {interventions.map((i) => (
              <li key={i.id} className="py-1">
                {when(i.doneAt)} · {i.planText ?? "–"} · {i.personName ?? "–"} ·{" "}
                {t(i.source === "board" ? "mach.interventions.board" : "mach.interventions.manual")}
                {i.notes && ` · ${i.notes}`}
                {(mayManage || mayOperate || owns) && (
                  <DeleteRecordForm
                    t={t}
                    action={deleteInterventionAction.bind(null, i.id)}
                    label={t("mach.delete.interventionLabel", { id: i.id })}
                    idPrefix={`intervention-${i.id}`}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card id="boards" title={t("mach.boards.title")} className="space-y-3">
        <BoardsTable t={t} boards={boards} when={when} />
      </Card>

      {pairing && <BoardPairingSection t={t} view={pairing} machineId={machine.id} boardId={machine.boardId} when={when} />}

      {mayManage && (
        <Card id="credentials" title={t("mach.credentials.title")} className="space-y-3">
          <p className="text-sm text-slate-600">
            {machine.boardUsername ? t("mach.credentials.current", { username: machine.boardUsername }) : t("mach.credentials.none")}
          </p>
          <SecretOnceForm
            action={boardCredentialsAction}
            className="space-y-2"
            label={t("mach.credentials.title")}
            secretLabel={t("mach.credentials.password")}
          >
            <input type="hidden" name="machineId" value={machine.id} />
            <TextField label={t("mach.credentials.username")} name="username" defaultValue={machine.boardUsername ?? ""} maxLength={64} />
            <SubmitButton>{machine.boardPasswordHash ? t("mach.credentials.rotate") : t("mach.credentials.set")}</SubmitButton>
          </SecretOnceForm>
        </Card>
      )}

      <UsageHistory t={t} when={when} usage={usage} users={users} query={query} basePath={`/admin/equipment/machines/${machine.id}/operations`} />
    </div>
  );
}
