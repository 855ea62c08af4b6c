import type { Db } from "@/lib/db/client";
import type { Locale, Translate } from "@/lib/i18n/translate";
import { formatDateTime } from "@/lib/time";
import type { NameViewer } from "@/lib/domain/people/shown-names";
import { auditNames } from "./audit-names";
import { actorText, changeLabel, readableRows, type ReadableRow } from "./readable";

/** What every history list shows of an audit entry (the audit log's rows carry the names of actor and subject too). */
export interface HistoryEntry {
  id: number;
  at: Date;
  changeType: string;
  actorId: number | null;
  subjectPersonId?: number | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** One entry in words, ready to render: nothing left to look up or format. */
export interface ReadableEntry<E extends HistoryEntry = HistoryEntry> {
  entry: E;
  /** When, in the space's time zone. */
  when: string;
  /** What happened ("Status changed"). */
  what: string;
  /** Who did it ("by Anna Meier", "the system", a former member). */
  who: string;
  /** Each changed field: label, before, after. */
  rows: ReadableRow[];
}

/**
 * The one loader behind every history list — the audit log, a thing's history, a person's history: the names of
 * everyone and everything the entries mention in one statement (auditNames; a person's name only where the viewer
 * may see it), then each entry in words for this reader.
 */
export async function readableHistory<E extends HistoryEntry>(
  db: Db,
  entries: readonly E[],
  view: { t: Translate; locale: Locale; timeZone: string; viewer: NameViewer },
): Promise<ReadableEntry<E>[]> {
  const ctx = { t: view.t, locale: view.locale, timeZone: view.timeZone, names: await auditNames(db, entries, view.viewer) };
  return entries.map((entry) => ({
    entry,
    when: formatDateTime(entry.at, view.locale, view.timeZone),
    what: changeLabel(view.t, entry.changeType),
    who: actorText(ctx, entry.actorId),
    rows: readableRows(ctx, entry),
  }));
}
