import type { HoldingReason, RoleHolders } from "@/lib/domain/access/role-holders";
import { getLocale, getT } from "@/lib/i18n/server";
import { formatPlainDate } from "@/lib/time";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";

/**
 * Who holds a role and why: directly (with its days), by status, by committee function, by system training. One
 * page of holders as the role's page loaded them (roleHolders); the page links to the others. `empty`: what to say
 * when the page has none (nobody holds the role, or nobody matches a search).
 */
export async function RoleHolderList({ holders: { holders }, empty }: { holders: RoleHolders; empty?: string }) {
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const day = (d: string) => formatPlainDate(d, locale);
  const reason = (r: HoldingReason) => {
    if (r.kind === "direct")
      return r.until ? t("roles.why.directUntil", { since: day(r.since), until: day(r.until) }) : t("roles.why.direct", { since: day(r.since) });
    if (r.kind === "status") return t("roles.why.status", { status: r.status });
    if (r.kind === "function") return t("roles.why.function", { function: r.function, committee: r.committee });
    return t("roles.why.training");
  };
  if (holders.length === 0) return <EmptyState small>{empty ?? t("roles.nobody")}</EmptyState>;
  // The rows' classes on the list, once (as Table does): each row is sent twice (HTML and RSC payload).
  return (
    <ul className="divide-y divide-slate-100 text-sm [&>li]:flex [&>li]:flex-wrap [&>li]:justify-between [&>li]:gap-2 [&>li]:py-1 [&>li>a]:text-amber-800 [&>li>a]:underline [&>li>span]:text-slate-600">
      {holders.map((h) => (
        <li key={h.person.personId}>
          <Link href={`/admin/people/${h.person.personId}`}>
            {h.person.name ?? (h.person.memberNumber !== null ? t("roles.memberNumber", { number: h.person.memberNumber }) : `#${h.person.personId}`)}
          </Link>
          <span>{h.reasons.map(reason).join(" · ")}</span>
        </li>
      ))}
    </ul>
  );
}
