import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import type { PairingView } from "@/lib/domain/usage/board-pairing-view";
import type { Translate } from "@/lib/i18n/translate";
import { Card } from "@/components/ui/card";
import { approvePairingAction, closePairingWindowAction, openPairingWindowAction, refusePairingAction, unpairBoardAction } from "./pairing-actions";
import { EmptyState } from "@/components/ui/empty-state";
import { Select } from "@/components/ui/select";
import { ConfirmButton } from "@/components/ui/confirm-button";

interface Props {
  t: Translate;
  view: PairingView;
  machineId: number;
  boardId: number | null;
  when: (d: Date) => string;
}

/** "A new board wants machine 3 — pair / refuse": the paired board, the pairing window and the requests. */
export function BoardPairingSection({ t, view, machineId, boardId, when }: Props) {
  const unknown = t("pair.unknown");
  const hidden = <input type="hidden" name="machineId" value={machineId} />;
  return (
    <Card id="pairing" title={t("pair.title")} className="space-y-3">
      {view.hasCredentials ? (
        <p className="text-slate-600">{t("pair.credentials")}</p>
      ) : (
        <>
          <p className="text-sm text-slate-600">{t("pair.intro")}</p>
          {view.paired ? (
            <div className="flex flex-wrap items-end justify-between gap-2" data-testid="paired-board">
              <div>
                <p>{t("pair.paired", { serial: view.paired.serial ?? unknown, ip: view.paired.ip ?? unknown, address: view.paired.remoteAddress })}</p>
                {view.paired.pairedAt && (
                  <p className="text-sm text-slate-600">
                    {t("pair.pairedAt", { when: when(view.paired.pairedAt), how: t(view.paired.byAdmin ? "pair.how.admin" : "pair.how.window") })}
                  </p>
                )}
              </div>
              <ActionForm action={unpairBoardAction} label={t("pair.unpair")} messageAt="bottom">
                {hidden}
                <ConfirmButton question={t("pair.unpairConfirm", { serial: view.paired.serial ?? view.paired.remoteAddress })} detail="">
                  {t("pair.unpair")}
                </ConfirmButton>
              </ActionForm>
            </div>
          ) : (
            <EmptyState>{t("pair.none")}</EmptyState>
          )}
          {view.window.open ? (
            <div className="flex flex-wrap items-end justify-between gap-2">
              <p data-testid="pairing-window">
                {view.window.until ? t("pair.window.openUntil", { until: when(view.window.until) }) : t("pair.window.openFirst")}
              </p>
              <ActionForm action={closePairingWindowAction} label={t("pair.window.close")} messageAt="bottom">
                {hidden}
                <SubmitButton>{t("pair.window.close")}</SubmitButton>
              </ActionForm>
            </div>
          ) : (
            <ActionForm action={openPairingWindowAction} label={t("pair.window.open")} className="flex flex-wrap items-end gap-2">
              {hidden}
              <p className="w-full text-slate-600" data-testid="pairing-window">
                {t("pair.window.closed")}
              </p>
              <label className="text-sm">
                {t("pair.window.minutes")}{" "}
                <Select look="compact" name="minutes" defaultValue="60">
                  <option value="15">{t("pair.window.15")}</option>
                  <option value="60">{t("pair.window.60")}</option>
                  <option value="1440">{t("pair.window.1440")}</option>
                </Select>
              </label>
              <SubmitButton>{t("pair.window.open")}</SubmitButton>
            </ActionForm>
          )}
          <h3 className="font-medium">{t("pair.requests.title")}</h3>
          {view.requests.length === 0 ? (
            <EmptyState>{t("pair.requests.none")}</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100">
              {view.requests.map((r) => (
                <li key={r.id} className="space-y-1 py-2" data-testid="pairing-request">
                  <p>
                    {t("pair.request", {
                      boardId: boardId ?? "–",
                      serial: r.serial ?? unknown,
                      ip: r.ip ?? unknown,
                      address: r.remoteAddress,
                      clientId: r.clientId ?? unknown,
                      firmware: r.firmwareVersion ?? unknown,
                      when: when(r.lastSeenAt),
                    })}
                  </p>
                  {r.claimsPairedSerial && <p className="text-sm font-medium text-amber-800">{t("pair.request.claims")}</p>}
                  <div className="flex gap-2">
                    <ActionForm action={approvePairingAction} label={`${t("pair.pair")} ${r.serial ?? r.remoteAddress}`} messageAt="bottom">
                      {hidden}
                      <input type="hidden" name="requestId" value={r.id} />
                      <SubmitButton>{t("pair.pair")}</SubmitButton>
                    </ActionForm>
                    <ActionForm action={refusePairingAction} label={`${t("pair.refuse")} ${r.serial ?? r.remoteAddress}`} messageAt="bottom">
                      {hidden}
                      <input type="hidden" name="requestId" value={r.id} />
                      <SubmitButton>{t("pair.refuse")}</SubmitButton>
                    </ActionForm>
                  </div>
                </li>
              ))}
            </ul>
          )}
          {view.refused > 0 && <p className="text-sm text-slate-600">{t("pair.refusedCount", { count: view.refused })}</p>}
        </>
      )}
    </Card>
  );
}
