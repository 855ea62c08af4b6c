import Link from "next/link";
import { Card } from "@/components/ui/card";
import { notFound } from "next/navigation";
import { revokeTokenAction } from "@/app/(member)/profile/tokens/actions";
import { TokenForm } from "@/components/api/token-form";
import { TokenTable } from "@/components/api/token-table";
import { linkClass } from "@/components/ui/styles";
import { ActionForm } from "@/components/forms/action-form";
import { requirePermission } from "@/lib/auth/guards";
import { getService } from "@/lib/domain/api-tokens/services";
import { listServiceTokens, scopesAvailableTo } from "@/lib/domain/api-tokens/tokens";
import { formatDateTime } from "@/lib/time";
import { getLocale, getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { getSpace } from "@/lib/web/space";
import { createServiceTokenAction, setServiceEnabledAction } from "../../actions";
import { parseId } from "@/lib/domain/shared/ids";
import { PageTitle } from "@/components/ui/page-title";
import { Button } from "@/components/ui/button";

/** One service identity: enable/disable, its tokens, and a new token within what the service holds today. */
export default async function AdminServicePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("system.admin");
  const id = parseId((await params).id);
  if (id === null) notFound();
  const db = getDb();
  const service = await getService(db, id);
  if (!service) notFound();
  const [t, locale, space, tokens, scopes] = await Promise.all([
    getT(),
    getLocale(),
    getSpace(),
    listServiceTokens(db, id),
    scopesAvailableTo(db, { serviceId: id }),
  ]);
  const when = (d: Date) => formatDateTime(d, locale, space.timeZone);
  return (
    <div className="space-y-6">
      <p>
        <Link className={linkClass} href="/admin/api">
          {t("api.services.back")}
        </Link>
      </p>
      <PageTitle>{service.name}</PageTitle>
      {service.description && <p className="text-slate-700">{service.description}</p>}
      <p className="text-sm text-slate-600">
        {service.permissions.join(", ")} · {t("api.services.sponsor", { name: service.sponsorName })}
        {service.disabledAt && ` · ${t("api.services.disabled")}`}
      </p>
      <ActionForm action={setServiceEnabledAction} label={service.disabledAt ? t("api.services.enable") : t("api.services.disable")}>
        <input type="hidden" name="id" value={service.id} />
        {service.disabledAt && <input type="hidden" name="enable" value="on" />}
        <Button type="submit" look="secondary">
          {service.disabledAt ? t("api.services.enable") : t("api.services.disable")}
        </Button>
      </ActionForm>
      {!service.disabledAt && (
        <Card id="new-token" title={t("api.tokens.create")}>
          <TokenForm t={t} action={createServiceTokenAction} scopes={scopes} hidden={{ serviceId: service.id }} />
        </Card>
      )}
      <Card id="service-tokens" title={t("api.services.tokens")}>
        <TokenTable t={t} rows={tokens} when={when} revoke={revokeTokenAction} />
      </Card>
    </div>
  );
}
