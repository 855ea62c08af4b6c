import { redirect } from "next/navigation";
import { cardClass, linkClass } from "@/components/ui/styles";
import { ConsentScreen } from "@/components/sso/consent-screen";
import { getAuthTime, getCurrentUser } from "@/lib/auth/current-user";
import { claimsFor } from "@/lib/domain/oidc/claims";
import { getT } from "@/lib/i18n/server";
import { authorizationAfterLogin, authorizationStep } from "@/lib/oidc/authorization";
import { getDb } from "@/lib/web/db";
import { loginUrlFor } from "@/lib/web/safe-next";
import { allowAction, denyAction } from "./actions";
import { PageTitle } from "@/components/ui/page-title";

export const dynamic = "force-dynamic";

type Query = Record<string, string | string[] | undefined>;

/** The query as the client sent it (a parameter given twice stays twice: the check refuses that). */
function asParams(query: Query): URLSearchParams {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) for (const one of Array.isArray(v) ? v : [v]) if (one !== undefined) params.append(k, one);
  return params;
}

/**
 * The OpenID Connect authorization endpoint: a page, because a person may have to log in first, give consent or
 * read why they are refused. Everything it decides comes from lib/oidc (the same code the tests drive).
 */
export default async function AuthorizePage({ searchParams }: { searchParams: Promise<Query> }) {
  const params = asParams(await searchParams);
  const db = getDb();
  const [t, user, authTime] = await Promise.all([getT(), getCurrentUser(), getAuthTime()]);
  const step = await authorizationStep(db, params, user ? { personId: user.personId, authTime } : null);
  const client = step.clientName ?? "";
  switch (step.kind) {
    case "redirect":
      redirect(step.location);
    case "login":
      redirect(loginUrlFor(authorizationAfterLogin(params, step.again), step.again));
    case "consent": {
      const preview = await claimsFor(db, user!.personId, ["profile", "email"], ["name", "email"]);
      const values = { name: String(preview.name ?? ""), email: String(preview.email ?? "") };
      return (
        <ConsentScreen
          t={t}
          client={client}
          query={params.toString()}
          scopes={step.scopes ?? []}
          offered={step.offered}
          ticked={step.fields}
          values={values}
          allow={allowAction}
          deny={denyAction}
        />
      );
    }
    case "refused":
      return (
        <section className={`${cardClass} mx-auto max-w-lg space-y-3`}>
          <PageTitle>{t("sso.refused.title", { client })}</PageTitle>
          <p>{t(`sso.refused.${step.reason}` as const, { client })}</p>
          <a className={linkClass} href={step.cancel}>
            {t("sso.refused.back", { client })}
          </a>
        </section>
      );
    case "fatal":
      return (
        <section className={`${cardClass} mx-auto max-w-lg space-y-3`}>
          <PageTitle>{t("sso.fatal.title")}</PageTitle>
          <p>{t(step.error === "invalid_redirect_uri" ? "sso.fatal.invalid_redirect_uri" : "sso.fatal.invalid_client")}</p>
        </section>
      );
  }
}
