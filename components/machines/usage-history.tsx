import Link from "next/link";
import type { UsageRow } from "@/lib/domain/machines/machine-operations";
import type { Translate } from "@/lib/i18n/translate";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { UsageFilter } from "./usage-filter";

interface Props {
  t: Translate;
  when: (d: Date) => string;
  usage: { rows: UsageRow[]; total: number; page: number; pages: number };
  users: { personId: number; name: string }[];
  query: Record<string, string | undefined>;
  basePath: string;
}

const minutes = (s: number | null) => (s === null ? null : Math.round(s / 60));

/** A machine's sessions with a GET filter form (person, period) and a pager that keeps the filter. */
export function UsageHistory({ t, when, usage, users, query, basePath }: Props) {
  const pageHref = (page: number) => {
    const params = new URLSearchParams();
    for (const key of ["person", "from", "to"]) if (query[key]) params.set(key, query[key]!);
    params.set("page", String(page));
    return `${basePath}?${params.toString()}`;
  };
  return (
    <Card id="usage" title={t("mach.usage.title")} className="space-y-3">
      <UsageFilter t={t} query={query} people={users} />
      <p className="text-sm text-slate-600">{t("mach.usage.count", { total: usage.total })}</p>
      {usage.rows.length > 0 && (
        <Table labelledBy="usage">
          <thead>
            <tr>
              <Th>{t("mach.usage.started")}</Th>
              <Th>{t("mach.usage.person")}</Th>
              <Th>{t("mach.usage.minutes")}</Th>
              <Th>{t("mach.usage.recorded")}</Th>
            </tr>
          </thead>
          <tbody>
            {usage.rows.map((r) => (
              <tr key={r.id} data-recorded={r.recordedAs} data-flagged={r.flaggedReason ?? undefined}>
                <Td>{when(r.startedAt)}</Td>
                <Td>{r.personName}</Td>
                <Td>{minutes(r.durationSeconds) ?? t("mach.usage.open")}</Td>
                <Td>
                  {[
                    r.recordedAs === "live" ? "" : t(`mach.recorded.${r.recordedAs as "replayed" | "reconstructed" | "manual"}`),
                    r.flaggedReason ? t("mach.usage.flaggedMark") : "",
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {usage.pages > 1 && (
        <nav aria-label={t("mach.usage.pages")} className="flex gap-3 text-sm">
          {usage.page > 1 && <Link href={pageHref(usage.page - 1)}>{t("mach.usage.previous")}</Link>}
          <span>{t("mach.usage.pageOf", { page: usage.page, pages: usage.pages })}</span>
          {usage.page < usage.pages && <Link href={pageHref(usage.page + 1)}>{t("mach.usage.next")}</Link>}
        </nav>
      )}
    </Card>
  );
}
