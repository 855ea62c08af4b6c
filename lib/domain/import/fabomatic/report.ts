/** What a dry run shows and an import did: counts per kind of record, and the records that need a word. */

export const IMPORT_KINDS = ["type", "machine", "user", "authorization", "plan", "intervention", "use", "board", "unknownCard"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface KindCounts {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  /** Imported, but part of the record stays with what is already here (an email, a card, a board id). */
  conflicts: number;
  /** Authorizations only: removed here because the file no longer has them. */
  removed: number;
}

/** Codes the UI and the CLI turn into sentences (fabImport.* messages); params fill their placeholders. */
export type ConflictCode = "email_taken" | "email_duplicate" | "card_taken" | "card_duplicate" | "board_id_taken" | "email_has_login";
export type SkipCode =
  | "placeholder_user"
  | "invalid_card_uid"
  | "unknown_machine"
  | "unknown_plan"
  | "machine_not_imported"
  | "removed_here"
  | "ends_before_start"
  | "board_id_out_of_range";
export type NoteCode =
  | "invalid_email"
  | "invalid_card"
  | "type_split"
  | "status_created"
  | "open_use_closed"
  | "hours_carried_over"
  | "hours_rounded"
  | "lcd_text_shortened"
  | "invalid_url"
  | "type_renamed";

export interface ReportItem<C extends string> {
  kind: ImportKind;
  sourceId: string;
  label: string;
  code: C;
  params: Record<string, string | number>;
}

export interface ImportReport {
  counts: Record<ImportKind, KindCounts>;
  conflicts: ReportItem<ConflictCode>[];
  skipped: ReportItem<SkipCode>[];
  notes: ReportItem<NoteCode>[];
  updated: { kind: ImportKind; sourceId: string; label: string; fields: string[] }[];
  /** People created by this import (for "invite the imported people"); empty in a dry run. */
  createdPersonIds: number[];
  /** True when nothing would change (the same file imported again). */
  nothingToDo: boolean;
}

/** Lists are capped so a report stays small; the counts are always complete. */
export const REPORT_LIST_LIMIT = 500;

export function emptyReport(): ImportReport {
  const counts = Object.fromEntries(IMPORT_KINDS.map((k) => [k, { created: 0, updated: 0, unchanged: 0, skipped: 0, conflicts: 0, removed: 0 }])) as Record<
    ImportKind,
    KindCounts
  >;
  return { counts, conflicts: [], skipped: [], notes: [], updated: [], createdPersonIds: [], nothingToDo: true };
}

function push<T>(list: T[], item: T): void {
  if (list.length < REPORT_LIST_LIMIT) list.push(item);
}

/** Small helpers the planning steps use, so every step counts the same way. */
export class ReportBuilder {
  readonly report = emptyReport();

  count(kind: ImportKind, what: keyof KindCounts, n = 1): void {
    this.report.counts[kind][what] += n;
  }
  conflict(kind: ImportKind, sourceId: string | number, label: string, code: ConflictCode, params: Record<string, string | number> = {}): void {
    this.count(kind, "conflicts");
    push(this.report.conflicts, { kind, sourceId: String(sourceId), label, code, params });
  }
  skip(kind: ImportKind, sourceId: string | number, label: string, code: SkipCode, params: Record<string, string | number> = {}): void {
    this.count(kind, "skipped");
    push(this.report.skipped, { kind, sourceId: String(sourceId), label, code, params });
  }
  note(kind: ImportKind, sourceId: string | number, label: string, code: NoteCode, params: Record<string, string | number> = {}): void {
    push(this.report.notes, { kind, sourceId: String(sourceId), label, code, params });
  }
  updated(kind: ImportKind, sourceId: string | number, label: string, fields: string[]): void {
    this.count(kind, "updated");
    push(this.report.updated, { kind, sourceId: String(sourceId), label, fields });
  }

  finish(): ImportReport {
    const r = this.report;
    r.nothingToDo = Object.values(r.counts).every((c) => c.created === 0 && c.updated === 0 && c.removed === 0);
    return r;
  }
}
