import { cardClass, linkClass } from "@/components/ui/styles";
import { ActionForm } from "@/components/forms/action-form";
import { requireUser } from "@/lib/auth/guards";
import { connectedServices } from "@/lib/domain/oidc/consents";
import { getLocale, getT } from "@/lib/i18n/server";
import { formatDateTime } from "@/lib/time";
import { getDb } from "@/lib/web/db";
import { getSpace } from "@/lib/web/space";
import { disconnectServiceAction } from "./actions";
import { PageTitle } from "@/components/ui/page-title";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export const dynamic = "force-dynamic";

/** The services a person lets log them in through the space, what each may see, and a way to disconnect each. */
export default async function ConnectedServicesPage() {
  const user = await requireUser();
  const [t, locale, space, services] = await Promise.all([getT(), getLocale(), getSpace(), connectedServices(getDb(), user.personId)]);
  const sees = (s: (typeof services)[number]) =>
    [
      t("sso.services.sub"),
      ...(s.fields.includes("name") ? [t("sso.services.name")] : []),
      ...(s.fields.includes("email") ? [t("sso.services.email")] : []),
      ...(s.scopes.includes("profile") ? [t("sso.consent.locale")] : []),
      ...(s.scopes.includes("groups") ? [t("sso.consent.groups")] : []),
    ].join(", ");
  return (
    <div className="space-y-6">
      <p>
        <a className={linkClass} href="/profile">
          {t("sso.services.back")}
        </a>
      </p>
      <PageTitle>{t("sso.services.title")}</PageTitle>
      <p className="max-w-3xl text-sm text-slate-700">{t("sso.services.intro")}</p>
      {services.length === 0 ? (
        <EmptyState small>{t("sso.services.none")}</EmptyState>
      ) : (
        <ul className="space-y-2">
          {services.map((s) => (
            <li key={s.clientId} className={cardClass}>
              <h2 className="font-semibold">{s.name}</h2>
              <p className="text-sm text-slate-700">{t("sso.services.sees", { what: sees(s) })}</p>
              <p className="text-sm text-slate-600">{t("sso.services.since", { when: formatDateTime(s.grantedAt, locale, space.timeZone) })}</p>
              <ActionForm action={disconnectServiceAction} label={t("sso.services.disconnect")} className="mt-2">
                <input type="hidden" name="clientId" value={s.clientId} />
                <input type="hidden" name="name" value={s.name} />
                <Button type="submit" look="secondary">
                  {t("sso.services.disconnect")}
                </Button>
              </ActionForm>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
