import Link from "next/link";
import { TokenForm } from "@/components/api/token-form";
import { TokenTable } from "@/components/api/token-table";
import { cardClass, linkClass } from "@/components/ui/styles";
import { requireUser } from "@/lib/auth/guards";
import { listPersonalTokens, scopesAvailableTo } from "@/lib/domain/api-tokens/tokens";
import { formatDateTime } from "@/lib/time";
import { getLocale, getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { getSpace } from "@/lib/web/space";
import { createPersonalTokenAction, revokeTokenAction } from "./actions";

/** Personal access tokens: created here with the scopes the person can use today, shown once, revocable. */
export default async function ProfileTokensPage() {
  const user = await requireUser();
  const db = getDb();
  const [t, locale, space, tokens, scopes] = await Promise.all([getT(), getLocale(), getSpace(), listPersonalTokens(db, user.personId), scopesAvailableTo(db, { personId: user.personId })]);
  const when = (d: Date) => formatDateTime(d, locale, space.timeZone);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("api.tokens.title")}</h1>
      <p className="max-w-3xl text-sm text-slate-700">
        {t("api.tokens.intro")} <Link className={linkClass} href="/api/v1/docs">{t("api.tokens.docs")}</Link>
      </p>
      <section className={cardClass} aria-labelledby="new-token">
        <h2 id="new-token" className="mb-3 text-lg font-semibold">{t("api.tokens.create")}</h2>
        <TokenForm t={t} action={createPersonalTokenAction} scopes={scopes} />
      </section>
      <section className={cardClass} aria-labelledby="my-tokens">
        <h2 id="my-tokens" className="mb-3 text-lg font-semibold">{t("api.tokens.title")}</h2>
        <TokenTable t={t} rows={tokens} when={when} revoke={revokeTokenAction} />
      </section>
    </div>
  );
}
