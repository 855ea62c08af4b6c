import Link from "next/link";
import { Card } from "@/components/ui/card";
import { cardClass, linkClass } from "@/components/ui/styles";
import { ActionForm } from "@/components/forms/action-form";
import { SecretOnceForm } from "@/components/forms/secret-once-form";
import { OidcClientFields } from "@/components/sso/client-fields";
import { requirePermission } from "@/lib/auth/guards";
import { listOidcClients, loginStatuses } from "@/lib/domain/oidc/clients";
import { currentKeyId } from "@/lib/domain/oidc/signing-keys";
import { getT } from "@/lib/i18n/server";
import { oidcIssuer } from "@/lib/oidc/authorization";
import { getDb } from "@/lib/web/db";
import { createOidcClientAction, rotateSigningKeyAction } from "./actions";
import { PageTitle } from "@/components/ui/page-title";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export const dynamic = "force-dynamic";

/** The services that log members in through the space, a form to register one, and the signing key. */
export default async function SsoPage() {
  await requirePermission("system.admin");
  const db = getDb();
  const [t, clients, statuses, issuer, kid] = await Promise.all([getT(), listOidcClients(db), loginStatuses(db), oidcIssuer(db), currentKeyId(db)]);
  return (
    <div className="space-y-6">
      <PageTitle>{t("sso.admin.title")}</PageTitle>
      <p className="max-w-3xl text-sm text-slate-700">{t("sso.admin.intro")}</p>
      <p className="text-sm">
        {t("sso.admin.discovery")} <code className="break-all" data-testid="discovery-url">{`${issuer}/.well-known/openid-configuration`}</code>
      </p>
      <p className="text-sm text-slate-600">{t("sso.admin.docs")}</p>
      {clients.length === 0 ? (
        <EmptyState small>{t("sso.admin.none")}</EmptyState>
      ) : (
        <ul className="space-y-2">
          {clients.map((c) => (
            <li key={c.id} className={cardClass}>
              <Link className={linkClass} href={`/admin/sso/${c.id}`}>
                {c.name}
              </Link>
              {!c.active && <span className="ml-2 text-sm text-amber-800">({t("sso.admin.inactive")})</span>}
              <p className="text-sm text-slate-600">
                {t("sso.clientId")}: <code>{c.clientId}</code> · {c.kind} · {c.allowedScopes.join(" ")}
              </p>
              <p className="break-all font-mono text-xs text-slate-600">{c.redirectUris.join(" ")}</p>
            </li>
          ))}
        </ul>
      )}
      <Card id="new-client" title={t("sso.admin.create")}>
        <SecretOnceForm action={createOidcClientAction} label={t("sso.admin.create")} secretLabel={t("sso.secret")} className="space-y-3">
          <OidcClientFields t={t} statuses={statuses} idPrefix="new" />
          <Button type="submit">{t("sso.admin.create")}</Button>
        </SecretOnceForm>
      </Card>
      <Card id="signing-key" title={t("sso.keys.title")}>
        <p className="mb-3 text-sm text-slate-700">{t("sso.keys.current", { kid })}</p>
        <ActionForm action={rotateSigningKeyAction} label={t("sso.keys.rotate")}>
          <Button type="submit" look="secondary">
            {t("sso.keys.rotate")}
          </Button>
        </ActionForm>
      </Card>
    </div>
  );
}
