import Link from "next/link";
import { Card } from "@/components/ui/card";
import { revokeTokenAction } from "@/app/(member)/profile/tokens/actions";
import { CheckboxField, TextAreaField, TextField } from "@/components/ui/field";
import { linkClass } from "@/components/ui/styles";
import { ActionForm } from "@/components/forms/action-form";
import { requirePermission } from "@/lib/auth/guards";
import { ALL_PERMISSIONS, PERMISSIONS } from "@/lib/domain/access/permissions";
import { listServices } from "@/lib/domain/api-tokens/services";
import { listActivePersonalTokens } from "@/lib/domain/api-tokens/tokens";
import { formatDateTime } from "@/lib/time";
import { getLocale, getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { getSpace } from "@/lib/web/space";
import { createServiceAction } from "./actions";
import { PageTitle } from "@/components/ui/page-title";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ConfirmButton } from "@/components/ui/confirm-button";

/** Service identities (with their sponsor) and every active personal token, each revocable by an admin. */
export default async function AdminApiPage() {
  await requirePermission("system.admin");
  const db = getDb();
  const [t, locale, space, services, tokens] = await Promise.all([getT(), getLocale(), getSpace(), listServices(db), listActivePersonalTokens(db)]);
  const when = (d: Date) => formatDateTime(d, locale, space.timeZone);
  return (
    <div className="space-y-6">
      <PageTitle>{t("api.admin.title")}</PageTitle>
      <p className="max-w-3xl text-sm text-slate-700">
        {t("api.admin.intro")}{" "}
        <Link className={linkClass} href="/api/v1/docs">
          {t("api.tokens.docs")}
        </Link>{" "}
        ·{" "}
        <Link className={linkClass} href="/admin/webhooks">
          {t("wh.link")}
        </Link>{" "}
        ·{" "}
        <Link className={linkClass} href="/admin/sso">
          {t("sso.admin.link")}
        </Link>
      </p>
      <Card id="services" title={t("api.services.title")}>
        {services.length === 0 && <EmptyState small>{t("api.services.none")}</EmptyState>}
        <ul className="mb-4 space-y-1">
          {services.map((s) => (
            <li key={s.id}>
              <Link className={linkClass} href={`/admin/api/services/${s.id}`}>
                {s.name}
              </Link>{" "}
              <span className="text-sm text-slate-600">
                {s.permissions.join(", ")} · {t("api.services.sponsor", { name: s.sponsorName })}
                {s.disabledAt && ` · ${t("api.services.disabled")}`}
              </span>
            </li>
          ))}
        </ul>
        <ActionForm action={createServiceAction} label={t("api.services.create")} className="space-y-3 border-t border-slate-100 pt-3">
          <TextField label={t("api.services.name")} name="name" required maxLength={60} />
          <TextAreaField label={t("api.services.description")} name="description" maxLength={500} rows={2} />
          <fieldset className="grid gap-1 sm:grid-cols-2">
            <legend className="mb-1 text-sm font-medium text-slate-700">{t("api.services.permissions")}</legend>
            {ALL_PERMISSIONS.map((p) => (
              <CheckboxField key={p} id={`perm-${p}`} name="permission" value={p} label={`${p} (${PERMISSIONS[p]})`} />
            ))}
          </fieldset>
          <Button type="submit">{t("api.services.create")}</Button>
        </ActionForm>
      </Card>
      <Card id="personal-tokens" title={t("api.admin.personal")}>
        {tokens.length === 0 ? (
          <EmptyState small>{t("api.tokens.none")}</EmptyState>
        ) : (
          <ul className="space-y-1 text-sm">
            {tokens.map((k) => (
              <li key={k.id} className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{k.name}</span>
                <span className="font-mono text-xs text-slate-500">{k.prefix}…</span>
                <Link className={linkClass} href={`/admin/people/${k.personId}`}>
                  {[k.firstName, k.lastName].filter(Boolean).join(" ") || `#${k.personId}`}
                </Link>
                <span className="text-slate-600">
                  {k.scopes.join(", ")} · {t("api.tokens.col.expires")} {when(k.expiresAt)} · {t("api.tokens.col.lastUsed")}{" "}
                  {k.lastUsedAt ? when(k.lastUsedAt) : t("api.tokens.never")}
                </span>
                <ActionForm action={revokeTokenAction} label={`${t("api.tokens.revoke")} ${k.name}`} messageAt="bottom">
                  <input type="hidden" name="id" value={k.id} />
                  <ConfirmButton size="tiny">{t("api.tokens.revoke")}</ConfirmButton>
                </ActionForm>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
