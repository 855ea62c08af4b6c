import { ActionForm } from "@/components/forms/action-form";
import { redirect } from "next/navigation";
import { cardClass } from "@/components/ui/styles";
import { getCurrentUser } from "@/lib/auth/current-user";
import { checkLogoutRequest } from "@/lib/domain/oidc/logout";
import { getT } from "@/lib/i18n/server";
import { oidcIssuer } from "@/lib/oidc/authorization";
import { getDb } from "@/lib/web/db";
import { confirmLogoutAction } from "./actions";
import { PageTitle } from "@/components/ui/page-title";
import { Button } from "@/components/ui/button";

export const dynamic = "force-dynamic";

type Query = Record<string, string | string[] | undefined>;

/**
 * The end-session endpoint. A logout is confirmed by the person (a link alone must not log anyone out); nobody
 * logged in goes straight back to the service's registered address.
 */
export default async function OidcLogoutPage({ searchParams }: { searchParams: Promise<Query> }) {
  const query = new URLSearchParams(Object.entries(await searchParams).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])));
  const db = getDb();
  const [t, user, request] = await Promise.all([getT(), getCurrentUser(), checkLogoutRequest(db, query, await oidcIssuer(db))]);
  if (!user) {
    if (request.redirect) redirect(request.redirect);
    return (
      <section className={`${cardClass} mx-auto max-w-lg`}>
        <PageTitle>{t("sso.logout.done")}</PageTitle>
      </section>
    );
  }
  return (
    <section className={`${cardClass} mx-auto max-w-lg space-y-4`}>
      <PageTitle>{t("sso.logout.title")}</PageTitle>
      <p>{request.client ? t("sso.logout.asked", { client: request.client.name }) : t("sso.logout.intro")}</p>
      <ActionForm action={confirmLogoutAction} label={t("sso.logout.confirm")}>
        <input type="hidden" name="query" value={query.toString()} />
        <Button type="submit">{t("sso.logout.confirm")}</Button>
      </ActionForm>
    </section>
  );
}
