import { revokeAuthorizationAction } from "../actions";
import { ActionForm } from "@/components/forms/action-form";
import type { AuthorizationRecord } from "@/lib/domain/equipment/authorization-service";
import { isAuthorizationCurrent } from "@/lib/domain/machine-access/decide-machine-use";
import { formatDate } from "@/lib/time";
import { getLocale, getT } from "@/lib/i18n/server";
import { getSpace } from "@/lib/web/space";
import { ConfirmButton } from "@/components/ui/confirm-button";

/** Every authorization record of a person, newest first per type; records not revoked can be revoked with a reason. */
export async function AuthorizationRecords({ records }: { records: AuthorizationRecord[] }) {
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const { timeZone } = await getSpace();
  const date = (d: Date) => formatDate(d, locale, timeZone);
  const now = new Date();
  return (
    <ul className="divide-y divide-slate-100">
      {records.map((r) => {
        const state = r.revokedAt
          ? t("eq.state.revoked", { date: date(r.revokedAt), reason: r.revokedReason ?? "" })
          : isAuthorizationCurrent(r, now)
            ? t("eq.state.current")
            : t("eq.state.expired");
        return (
          <li key={r.id} className="space-y-2 py-3" aria-label={`${r.equipmentTypeName}: ${t(`level.${r.level}`)}`}>
            <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
              <span className="font-medium">{r.equipmentTypeName}</span>
              <span>{t(`level.${r.level}`)}</span>
              <span className={r.revokedAt ? "text-red-800" : isAuthorizationCurrent(r, now) ? "text-emerald-700" : "text-slate-500"}>{state}</span>
            </div>
            <p className="text-sm text-slate-600">
              {r.source === "training" ? t("eq.source.training", { id: r.trainingSessionId ?? "?" }) : t("eq.source.grant")}
              {r.reason && ` · ${r.reason}`} · {t("eq.col.granted")} {date(r.grantedAt)} ·{" "}
              {r.expiresAt ? `${t("eq.col.expires")} ${date(r.expiresAt)}` : t("eq.validity.never")}
            </p>
            {!r.revokedAt && (
              <ActionForm action={revokeAuthorizationAction} className="flex flex-wrap items-end gap-2" messageAt="bottom" label={t("eq.revoke.submit")}>
                <input type="hidden" name="authorizationId" value={r.id} />
                <label className="sr-only" htmlFor={`revoke-reason-${r.id}`}>
                  {t("eq.revoke.reason")}
                </label>
                <input
                  id={`revoke-reason-${r.id}`}
                  name="reason"
                  required
                  minLength={3}
                  maxLength={500}
                  placeholder={t("eq.revoke.reason")}
                  className="w-full rounded border border-slate-300 px-3 py-1.5 text-sm sm:w-72"
                />
                <ConfirmButton look="secondary" question={t("eq.revoke.confirm", { type: r.equipmentTypeName, level: t(`level.${r.level}`) })}>
                  {t("eq.revoke.submit")}
                </ConfirmButton>
              </ActionForm>
            )}
          </li>
        );
      })}
    </ul>
  );
}
