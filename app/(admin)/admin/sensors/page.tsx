import { cardClass } from "@/components/ui/styles";
import { createSensorAction, revokeSensorAction } from "./actions";
import { ActionForm } from "@/components/forms/action-form";
import { SecretOnceForm } from "@/components/forms/secret-once-form";
import { TextField } from "@/components/ui/field";
import { requirePermission } from "@/lib/auth/guards";
import { listSensorTokens } from "@/lib/domain/community/sensor-tokens";
import { formatDateTime } from "@/lib/time";
import { getLocale, getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { getSpace } from "@/lib/web/space";
import { PageTitle } from "@/components/ui/page-title";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ConfirmButton } from "@/components/ui/confirm-button";

export default async function SensorsPage() {
  await requirePermission("system.admin");
  const [t, locale, space, tokens] = await Promise.all([getT(), getLocale(), getSpace(), listSensorTokens(getDb())]);
  const when = (d: Date) => formatDateTime(d, locale, space.timeZone);
  return (
    <div className="max-w-2xl space-y-4">
      <PageTitle>{t("com.sensors.title")}</PageTitle>
      <p className="text-sm text-slate-700">{t("com.sensors.intro")}</p>
      <SecretOnceForm action={createSensorAction} className={`${cardClass} space-y-3`} label={t("com.sensors.create")} secretLabel={t("com.sensors.token")}>
        <TextField label={t("com.sensors.name")} name="name" required maxLength={60} />
        <Button type="submit">{t("com.sensors.create")}</Button>
      </SecretOnceForm>
      {tokens.length === 0 && <EmptyState small>{t("com.sensors.none")}</EmptyState>}
      <ul className="space-y-2">
        {tokens.map((s) => (
          <li key={s.id} className="rounded border border-slate-200 bg-white px-3 py-2 text-sm">
            <span className="font-medium">{s.name}</span>{" "}
            <span className="text-slate-500">
              {s.revokedAt ? t("com.sensors.isRevoked") : s.lastUsedAt ? t("com.sensors.lastUsed", { when: when(s.lastUsedAt) }) : t("com.sensors.never")}
            </span>
            {!s.revokedAt && (
              <ActionForm action={revokeSensorAction} className="mt-1" label={`${t("com.sensors.revoke")} ${s.name}`}>
                <input type="hidden" name="id" value={s.id} />
                <ConfirmButton>{t("com.sensors.revoke")}</ConfirmButton>
              </ActionForm>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
