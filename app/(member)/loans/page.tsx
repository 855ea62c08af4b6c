import Link from "next/link";
import { listOpenLoans } from "@/lib/domain/inventory/loans";
import { searchThings } from "@/lib/domain/inventory/search";
import { namesShownTo } from "@/lib/domain/people/shown-names";
import { getLocale, getT } from "@/lib/i18n/server";
import { dayOf, formatPlainDate } from "@/lib/time";
import { getDb } from "@/lib/web/db";
import { requireInventoryViewer } from "@/lib/web/inventory";
import { getSpace } from "@/lib/web/space";
import { PageTitle } from "@/components/ui/page-title";
import { EmptyState } from "@/components/ui/empty-state";

/** Things lent out (overdue first) and things members lent to the space, with their return dates. */
export default async function LoansPage() {
  const user = await requireInventoryViewer();
  const db = getDb();
  const [t, locale, space, open, fromMembers] = await Promise.all([
    getT(),
    getLocale(),
    getSpace(),
    listOpenLoans(db),
    searchThings(db, { onLoanFromMembers: true, limit: 500 }),
  ]);
  // Borrowers and lenders by name only where they let this viewer see it.
  const nameOf = await namesShownTo(db, user, [...open.map((l) => l.borrowerPersonId), ...fromMembers.rows.map((r) => r.lenderPersonId)]);
  // Due days are plain dates: overdue from the day after, in the space's time zone.
  const today = dayOf(new Date(), space.timeZone);
  const day = (d: string | null) => (d ? formatPlainDate(d, locale) : "—");
  const overdue = open.filter((l) => l.dueOn < today);
  const current = open.filter((l) => l.dueOn >= today);
  const loanList = (rows: typeof open, tone: string) => (
    <ul className="space-y-1 text-sm">
      {rows.map((l) => (
        <li key={l.loanId} className={`rounded border px-3 py-2 ${tone}`}>
          <Link href={`/things/${l.thingNumber}`} className="font-medium hover:underline">
            #{l.thingNumber} {l.thingName}
          </Link>
          <span className="ml-2">{t("inv.loan.lentTo", { name: nameOf.get(l.borrowerPersonId) ?? "?", due: day(l.dueOn) })}</span>
        </li>
      ))}
    </ul>
  );
  return (
    <div className="space-y-6">
      <PageTitle>{t("inv.loans.title")}</PageTitle>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t("inv.loans.overdue", { count: overdue.length })}</h2>
        {overdue.length ? loanList(overdue, "border-red-200 bg-red-50") : <EmptyState small>{t("inv.loans.noneOverdue")}</EmptyState>}
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t("inv.loans.current", { count: current.length })}</h2>
        {current.length ? loanList(current, "border-slate-200 bg-white") : <EmptyState small>{t("inv.loans.none")}</EmptyState>}
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t("inv.loans.fromMembers", { count: fromMembers.total })}</h2>
        <ul className="space-y-1 text-sm">
          {fromMembers.rows.map((r) => (
            <li key={r.id} className="rounded border border-slate-200 bg-white px-3 py-2">
              <Link href={`/things/${r.number}`} className="font-medium hover:underline">
                #{r.number} {r.name}
              </Link>
              <span className="ml-2">{t("inv.ownership.lentBy", { name: nameOf.get(r.lenderPersonId ?? 0) ?? "?", until: day(r.lenderUntil) })}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
