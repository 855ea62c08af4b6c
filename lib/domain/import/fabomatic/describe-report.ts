import { isMessageKey, type Translate } from "@/lib/i18n/translate";
import { IMPORT_KINDS, type ImportReport, type ReportItem } from "./report";

export const COUNT_COLUMNS = ["created", "updated", "unchanged", "skipped", "conflicts", "removed"] as const;

/** A report in the reader's language, as plain data: the web page renders it, the command line prints it. */
export interface ReportView {
  header: string[];
  rows: string[][];
  sections: { id: "conflicts" | "skipped" | "updated" | "notes"; title: string; items: string[]; more: string | null }[];
  nothingToDo: boolean;
  createdPeople: number;
}

/** One report line: what record, and what happens to it. */
export function describeItem(t: Translate, section: "conflict" | "skip" | "note", item: ReportItem<string>): string {
  const key = `fabImport.${section}.${item.code}`;
  const text = isMessageKey(key) ? t(key, item.params) : item.code;
  return `${t(`fabImport.kind.${item.kind}`)} · ${item.label}: ${text}`;
}

export function reportView(t: Translate, report: ImportReport): ReportView {
  const total = (what: "conflicts" | "skipped" | "updated") => IMPORT_KINDS.reduce((n, k) => n + report.counts[k][what], 0);
  const section = (id: ReportView["sections"][number]["id"], title: string, items: string[], count: number) => ({
    id,
    title,
    items,
    more: count > items.length ? t("fabImport.more", { count: count - items.length }) : null,
  });
  return {
    header: [t("fabImport.col.what"), ...COUNT_COLUMNS.map((c) => t(`fabImport.col.${c}`))],
    rows: IMPORT_KINDS.map((kind) => [t(`fabImport.kind.${kind}`), ...COUNT_COLUMNS.map((c) => String(report.counts[kind][c]))]),
    sections: [
      section(
        "conflicts",
        t("fabImport.conflictsTitle"),
        report.conflicts.map((c) => describeItem(t, "conflict", c)),
        total("conflicts"),
      ),
      section(
        "skipped",
        t("fabImport.skippedTitle"),
        report.skipped.map((s) => describeItem(t, "skip", s)),
        total("skipped"),
      ),
      section(
        "updated",
        t("fabImport.updatedTitle"),
        report.updated.map((u) => `${t(`fabImport.kind.${u.kind}`)} · ${u.label}: ${u.fields.join(", ")}`),
        total("updated"),
      ),
      section(
        "notes",
        t("fabImport.notesTitle"),
        report.notes.map((n) => describeItem(t, "note", n)),
        report.notes.length,
      ),
    ].filter((s) => s.items.length > 0),
    nothingToDo: report.nothingToDo,
    createdPeople: report.createdPersonIds.length,
  };
}

/** The whole report as plain text lines (the command line). */
export function describeReport(t: Translate, report: ImportReport): string[] {
  const view = reportView(t, report);
  const widths = view.header.map((_, i) => Math.max(...[view.header, ...view.rows].map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  const out = [line(view.header), ...view.rows.map(line)];
  for (const s of view.sections) {
    out.push("", `${s.title}:`, ...s.items.map((i) => `  - ${i}`));
    if (s.more) out.push(`  ${s.more}`);
  }
  return out;
}
