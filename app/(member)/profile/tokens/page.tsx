import Link from "next/link";
import { Card } from "@/components/ui/card";
import { TokenForm } from "@/components/api/token-form";
import { TokenTable } from "@/components/api/token-table";
import { linkClass } from "@/components/ui/styles";
import { requireUser } from "@/lib/auth/guards";
import { listPersonalTokens, scopesAvailableTo } from "@/lib/domain/api-tokens/tokens";
import { formatDateTime } from "@/lib/time";
import { getLocale, getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { getSpace } from "@/lib/web/space";
import { createPersonalTokenAction, revokeTokenAction } from "./actions";
import { PageTitle } from "@/components/ui/page-title";

/** Personal access tokens: created here with the scopes the person can use today, shown once, revocable. */
export default async function ProfileTokensPage() {
  const user = await requireUser();
  const db = getDb();
  const [t, locale, space, tokens, scopes] = await Promise.all([
    getT(),
    getLocale(),
    getSpace(),
    listPersonalTokens(db, user.personId),
    scopesAvailableTo(db, { personId: user.personId }),
  ]);
  const when = (d: Date) => formatDateTime(d, locale, space.timeZone);
  return (
    <div className="space-y-6">
      <PageTitle>{t("api.tokens.title")}</PageTitle>
      <p className="max-w-3xl text-sm text-slate-700">
        {t("api.tokens.intro")}{" "}
        <Link className={linkClass} href="/api/v1/docs">
          {t("api.tokens.docs")}
        </Link>
      </p>
      <Card id="new-token" title={t("api.tokens.create")}>
        <TokenForm t={t} action={createPersonalTokenAction} scopes={scopes} />
      </Card>
      <Card id="my-tokens" title={t("api.tokens.title")}>
        <TokenTable t={t} rows={tokens} when={when} revoke={revokeTokenAction} />
      </Card>
    </div>
  );
}
