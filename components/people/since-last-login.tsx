import Link from "next/link";
import type { ChangesSinceLastLogin } from "@/lib/domain/audit/since-last-login";
import type { ShownPerson } from "@/lib/domain/people/visible-names";
import { getLocale, getT } from "@/lib/i18n/server";
import { formatDateTime } from "@/lib/time";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

/** The start page's "what changed since my last login": my own record, and for the board a digest by change type. */
export async function SinceLastLogin({ changes, timeZone, auditLinks }: { changes: ChangesSinceLastLogin; timeZone: string; auditLinks: boolean }) {
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  if (!changes.since) return null;
  const when = (d: Date) => formatDateTime(d, locale, timeZone);
  const person = (p: ShownPerson) => p.name ?? (p.memberNumber !== null ? t("roles.memberNumber", { number: p.memberNumber }) : t("since.staff"));
  return (
    <Card id="since-last-login" title={t("since.title")} intro={t("since.intro", { when: when(changes.since) })}>
      <h3 className="text-sm font-medium text-slate-700">{t("since.own")}</h3>
      {changes.own.length === 0 ? (
        <EmptyState small>{t("since.ownNone")}</EmptyState>
      ) : (
        <ul className="mb-3 divide-y divide-slate-100 text-sm" aria-label={t("since.own")}>
          {changes.own.map((c, i) => (
            <li key={i} className="flex flex-wrap justify-between gap-2 py-1">
              <span className="font-mono">{c.changeType}</span>
              <span className="text-slate-600">
                {c.by === "self" ? t("since.byYou") : c.by === "system" ? t("since.bySystem") : t("since.by", { name: person(c.by) })} · {when(c.at)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {changes.board && (
        <>
          <h3 className="mt-3 text-sm font-medium text-slate-700">{t("since.board")}</h3>
          {changes.board.length === 0 ? (
            <EmptyState small>{t("since.boardNone")}</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm" aria-label={t("since.board")}>
              {changes.board.map((g) => (
                <li key={g.changeType} className="py-1">
                  {auditLinks ? (
                    <Link className="font-mono text-amber-800 underline" href={`/admin/audit?type=${encodeURIComponent(g.changeType)}`}>
                      {g.changeType}
                    </Link>
                  ) : (
                    <span className="font-mono">{g.changeType}</span>
                  )}{" "}
                  <span className="text-slate-600">
                    {t("since.count", { count: g.count })}: {g.people.map(person).join(", ")}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Card>
  );
}
