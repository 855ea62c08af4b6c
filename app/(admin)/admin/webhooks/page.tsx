import Link from "next/link";
import { Card } from "@/components/ui/card";
import { WebhookFields } from "@/components/api/webhook-fields";
import { cardClass, linkClass } from "@/components/ui/styles";
import { SecretOnceForm } from "@/components/forms/secret-once-form";
import { requirePermission } from "@/lib/auth/guards";
import { listWebhooks } from "@/lib/domain/webhooks/subscriptions";
import { getLocale, getT } from "@/lib/i18n/server";
import { formatDateTime } from "@/lib/time";
import { getDb } from "@/lib/web/db";
import { getSpace } from "@/lib/web/space";
import { createWebhookAction } from "./actions";
import { PageTitle } from "@/components/ui/page-title";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** The space's webhooks with their queues, and a form to add one (its signing secret is shown once). */
export default async function WebhooksPage() {
  await requirePermission("system.admin");
  const [t, locale, space, hooks] = await Promise.all([getT(), getLocale(), getSpace(), listWebhooks(getDb())]);
  const when = (d: Date | null) => (d ? formatDateTime(d, locale, space.timeZone) : t("wh.never"));
  return (
    <div className="space-y-6">
      <PageTitle>{t("wh.title")}</PageTitle>
      <p className="max-w-3xl text-sm text-slate-700">{t("wh.intro")}</p>
      {hooks.length === 0 ? (
        <EmptyState small>{t("wh.none")}</EmptyState>
      ) : (
        <ul className="space-y-2">
          {hooks.map((h) => (
            <li key={h.id} className={cardClass}>
              <Link className={`${linkClass} break-all font-mono text-sm`} href={`/admin/webhooks/${h.id}`}>
                {h.url}
              </Link>
              {!h.active && <span className="ml-2 text-sm text-amber-800">({t("wh.inactive")})</span>}
              {h.description && <p className="text-sm text-slate-700">{h.description}</p>}
              <p className="text-sm text-slate-600">{h.events.join(", ")}</p>
              <p className="text-sm text-slate-600">{t("wh.queue", { pending: h.pending, failed: h.failed, last: when(h.lastDeliveredAt) })}</p>
            </li>
          ))}
        </ul>
      )}
      <Card id="new-hook" title={t("wh.create")}>
        <SecretOnceForm action={createWebhookAction} label={t("wh.create")} secretLabel={t("wh.secret")} className="space-y-3">
          <WebhookFields t={t} />
          <Button type="submit">{t("wh.create")}</Button>
        </SecretOnceForm>
      </Card>
    </div>
  );
}
