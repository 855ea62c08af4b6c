import Link from "next/link";
import { notFound } from "next/navigation";
import { CheckboxField } from "@/components/ui/field";
import { Card } from "@/components/ui/card";
import { linkClass } from "@/components/ui/styles";
import { ActionForm } from "@/components/forms/action-form";
import { SecretOnceForm } from "@/components/forms/secret-once-form";
import { OidcClientFields } from "@/components/sso/client-fields";
import { requirePermission } from "@/lib/auth/guards";
import { getOidcClient, loginStatuses } from "@/lib/domain/oidc/clients";
import { parseId } from "@/lib/domain/shared/ids";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { deleteOidcClientAction, rotateOidcClientSecretAction, updateOidcClientAction } from "../actions";
import { PageTitle } from "@/components/ui/page-title";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";

export const dynamic = "force-dynamic";

/** One single sign-on client: edit it, give it a new secret, or delete it. */
export default async function SsoClientPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("system.admin");
  const id = parseId((await params).id);
  if (id === null) notFound();
  const db = getDb();
  const client = await getOidcClient(db, id);
  if (!client) notFound();
  const [t, statuses] = await Promise.all([getT(), loginStatuses(db)]);
  return (
    <div className="space-y-6">
      <p>
        <Link className={linkClass} href="/admin/sso">
          {t("sso.back")}
        </Link>
      </p>
      <PageTitle>{client.name}</PageTitle>
      <p className="text-sm">
        {t("sso.clientId")}: <code data-testid="client-id">{client.clientId}</code>
      </p>
      <Card id="edit-client" title={t("sso.save")} titleHidden>
        <SecretOnceForm action={updateOidcClientAction} label={t("sso.save")} secretLabel={t("sso.secret")} className="space-y-3">
          <input type="hidden" name="id" value={client.id} />
          <OidcClientFields t={t} statuses={statuses} defaults={client} idPrefix="edit" />
          <CheckboxField id="client-active" name="active" label={t("sso.field.active")} defaultChecked={client.active} />
          <Button type="submit">{t("sso.save")}</Button>
        </SecretOnceForm>
      </Card>
      <div className="flex flex-wrap items-start gap-3">
        {client.kind === "confidential" && (
          <SecretOnceForm action={rotateOidcClientSecretAction} label={t("sso.rotate")} secretLabel={t("sso.secret")} className="space-y-2">
            <input type="hidden" name="id" value={client.id} />
            <Button type="submit" look="secondary">
              {t("sso.rotate")}
            </Button>
          </SecretOnceForm>
        )}
        <ActionForm action={deleteOidcClientAction} label={t("sso.delete")}>
          <input type="hidden" name="id" value={client.id} />
          <ConfirmButton>{t("sso.delete")}</ConfirmButton>
        </ActionForm>
      </div>
    </div>
  );
}
