import Link from "next/link";
import { requireUser } from "@/lib/auth/guards";
import { myMachines } from "@/lib/domain/machines/machine-owner";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { cardClass } from "@/components/ui/styles";
import { PageTitle } from "@/components/ui/page-title";
import { EmptyState } from "@/components/ui/empty-state";

/** "My machines": the machines of the types I own (run them: block, maintenance, usage) or train on. */
export default async function MyMachinesPage() {
  const user = await requireUser();
  const [t, machines] = await Promise.all([getT(), myMachines(getDb(), user.personId)]);
  return (
    <div className="space-y-6">
      <PageTitle>{t("owner.title")}</PageTitle>
      <p className="text-slate-600">{t("owner.intro")}</p>
      {machines.length === 0 ? (
        <EmptyState className={cardClass}>{t("owner.none")}</EmptyState>
      ) : (
        <ul className="space-y-3" aria-label={t("owner.title")}>
          {machines.map((m) => (
            <li key={m.id} className={cardClass} aria-label={m.name}>
              <h2 className="text-lg font-semibold">
                {m.name} <span className="text-sm font-normal text-slate-500">{m.typeName}</span>
              </h2>
              <p className="text-sm text-slate-600">{m.levels.map((l) => t(l === "owner" ? "owner.level.owner" : "owner.level.trainer")).join(" · ")}</p>
              {m.blocked && <p className="text-sm font-medium text-red-800">{t("eq.machine.blocked", { reason: m.blockedReason })}</p>}
              <p className="mt-2 flex flex-wrap gap-4 text-sm">
                <Link className="text-amber-700 underline" href={`/machines/${m.id}`}>
                  {t("owner.machinePage")}
                </Link>
                {m.levels.includes("owner") && (
                  <Link className="text-amber-700 underline" href={`/admin/equipment/machines/${m.id}/operations`}>
                    {t("owner.run")}
                  </Link>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
