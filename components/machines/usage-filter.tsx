import type { ReactNode } from "react";
import type { Translate } from "@/lib/i18n/translate";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";

interface Props {
  t: Translate;
  /** The page's search parameters: the filter shown is the one in the address. */
  query: Record<string, string | undefined>;
  /** Whom the list can be narrowed to. */
  people: { personId: number; name: string }[];
  /** The machine choice, where the list spans machines (the usage report); a machine's own page has none. */
  machines?: { id: number; name: string }[];
  /** Links after the button that keep the filter (the report's exports). */
  children?: ReactNode;
}

const field = "rounded border border-slate-300 bg-white px-2 py-1";

/** The usage filter (person, machine, period) as a GET form: the usage report and a machine's operations page. */
export function UsageFilter({ t, query, people, machines, children }: Props) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-3 text-sm" aria-label={t("mach.usage.filter")}>
      <label className="flex flex-col">
        {t("mach.usage.person")}
        <Select look="compact" name="person" defaultValue={query.person ?? ""}>
          <option value="">{t("mach.usage.everyone")}</option>
          {people.map((p) => (
            <option key={p.personId} value={p.personId}>
              {p.name}
            </option>
          ))}
        </Select>
      </label>
      {machines && (
        <label className="flex flex-col">
          {t("mach.mine.machine")}
          <Select look="compact" name="machine" defaultValue={query.machine ?? ""}>
            <option value="">{t("mach.report.allMachines")}</option>
            {machines.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </Select>
        </label>
      )}
      <label className="flex flex-col">
        {t("mach.usage.from")}
        <input type="date" name="from" defaultValue={query.from ?? ""} className={field} />
      </label>
      <label className="flex flex-col">
        {t("mach.usage.to")}
        <input type="date" name="to" defaultValue={query.to ?? ""} className={field} />
      </label>
      <Button type="submit" size="small">
        {t("mach.usage.apply")}
      </Button>
      {children}
    </form>
  );
}
