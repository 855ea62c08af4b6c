import Link from "next/link";
import { Card } from "@/components/ui/card";
import { notFound } from "next/navigation";
import { DeliveryLog } from "@/components/api/delivery-log";
import { WebhookFields } from "@/components/api/webhook-fields";
import { CheckboxField } from "@/components/ui/field";
import { linkClass } from "@/components/ui/styles";
import { ActionForm } from "@/components/forms/action-form";
import { SecretOnceForm } from "@/components/forms/secret-once-form";
import { requirePermission } from "@/lib/auth/guards";
import { deliveryLog, getWebhook } from "@/lib/domain/webhooks/subscriptions";
import { getLocale, getT } from "@/lib/i18n/server";
import { formatDateTime } from "@/lib/time";
import { getDb } from "@/lib/web/db";
import { getSpace } from "@/lib/web/space";
import { deleteWebhookAction, pingWebhookAction, redeliverAction, rotateWebhookSecretAction, updateWebhookAction } from "../actions";
import { parseId } from "@/lib/domain/shared/ids";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";

export const dynamic = "force-dynamic";

/** One webhook: edit it, test it, rotate its secret, and its delivery log. */
export default async function WebhookPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("system.admin");
  const id = parseId((await params).id);
  if (id === null) notFound();
  const db = getDb();
  const hook = await getWebhook(db, id);
  if (!hook) notFound();
  const [t, locale, space, log] = await Promise.all([getT(), getLocale(), getSpace(), deliveryLog(db, id)]);
  const when = (d: Date) => formatDateTime(d, locale, space.timeZone);
  return (
    <div className="space-y-6">
      <p>
        <Link className={linkClass} href="/admin/webhooks">
          {t("wh.back")}
        </Link>
      </p>
      <h1 className="break-all font-mono text-xl font-bold">{hook.url}</h1>
      <p className="text-sm text-slate-600">
        {t("wh.queue", { pending: hook.pending, failed: hook.failed, last: hook.lastDeliveredAt ? when(hook.lastDeliveredAt) : t("wh.never") })}
      </p>
      <Card id="edit-hook" title={t("wh.save")} titleHidden>
        <ActionForm action={updateWebhookAction} label={t("wh.save")} className="space-y-3">
          <input type="hidden" name="id" value={hook.id} />
          <WebhookFields t={t} defaults={hook} />
          <CheckboxField id="hook-active" name="active" label={t("wh.active")} defaultChecked={hook.active} />
          <Button type="submit">{t("wh.save")}</Button>
        </ActionForm>
      </Card>
      <div className="flex flex-wrap items-start gap-3">
        <ActionForm action={pingWebhookAction} label={t("wh.ping")}>
          <input type="hidden" name="id" value={hook.id} />
          <Button type="submit" look="secondary">
            {t("wh.ping")}
          </Button>
        </ActionForm>
        <SecretOnceForm action={rotateWebhookSecretAction} label={t("wh.rotate")} secretLabel={t("wh.secret")} className="space-y-2">
          <input type="hidden" name="id" value={hook.id} />
          <Button type="submit" look="secondary">
            {t("wh.rotate")}
          </Button>
        </SecretOnceForm>
        <ActionForm action={deleteWebhookAction} label={t("wh.delete")}>
          <input type="hidden" name="id" value={hook.id} />
          <ConfirmButton>{t("wh.delete")}</ConfirmButton>
        </ActionForm>
      </div>
      <Card id="hook-log" title={t("wh.log")}>
        <DeliveryLog t={t} rows={log} when={when} redeliver={redeliverAction} />
      </Card>
    </div>
  );
}
