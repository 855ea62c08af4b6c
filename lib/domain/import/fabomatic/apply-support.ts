import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { chunks, SOURCE, type TargetState } from "./target-state";

/** Source key → id here: an earlier import's link, or a row this import created. */
export class Refs {
  private created = new Map<string, number>();
  constructor(private state: TargetState) {}

  set(kind: string, sourceId: string, id: number): void {
    this.created.set(`${kind}\u0000${sourceId}`, id);
  }
  get(kind: string, sourceId: string | null): number | null {
    if (sourceId === null) return null;
    return this.created.get(`${kind}\u0000${sourceId}`) ?? this.state.links.get(kind)?.get(sourceId)?.targetId ?? null;
  }
  must(kind: string, sourceId: string): number {
    const id = this.get(kind, sourceId);
    if (id === null) throw new Error(`Import: no ${kind} for source ${sourceId}`);
    return id;
  }
}

/**
 * Ids for `n` new rows of a serial table, taken from its sequence up front: bulk inserts then know which row is
 * which without relying on the order RETURNING gives.
 */
export async function reserveIds(db: Db, table: string, n: number): Promise<number[]> {
  if (n === 0) return [];
  const rows = await db.execute<{ id: number }>(sql`select nextval(pg_get_serial_sequence(${table}, 'id'))::int as id from generate_series(1, ${n})`);
  return rows.map((r) => Number(r.id));
}

/**
 * Many rows in one statement with one parameter: the rows as JSON, spread by json_populate_recordset. Far cheaper
 * than a VALUES list of tens of thousands of parameters for the big tables (usage history, links). Keys of the
 * rows are column names; dates go as ISO strings.
 */
export async function insertJsonRows(db: Db, table: string, columns: string[], rows: Record<string, unknown>[], onConflict = sql``): Promise<void> {
  const list = sql.raw(columns.map((c) => `"${c}"`).join(", "));
  for (const chunk of chunks(rows, 5000)) {
    await db.execute(
      sql`insert into ${sql.raw(`"${table}"`)} (${list}) select ${list} from json_populate_recordset(null::${sql.raw(`"${table}"`)}, ${JSON.stringify(chunk)}::json) ${onConflict}`,
    );
  }
}

export interface LinkRow {
  kind: string;
  sourceId: string;
  targetId: number | null;
  data: unknown;
}

/** Collects the links to write and writes them in batches (insert or replace). */
export class LinkWriter {
  private rows: LinkRow[] = [];
  constructor(private now: Date) {}

  add(row: LinkRow): void {
    this.rows.push(row);
  }

  async flush(db: Db): Promise<void> {
    const at = this.now.toISOString();
    await insertJsonRows(
      db,
      "import_links",
      ["source", "kind", "source_id", "target_id", "data", "imported_at"],
      this.rows.map((r) => ({ source: SOURCE, kind: r.kind, source_id: r.sourceId, target_id: r.targetId, data: r.data, imported_at: at })),
      sql`on conflict (source, kind, source_id) do update set target_id = excluded.target_id, data = excluded.data, imported_at = excluded.imported_at`,
    );
    this.rows = [];
  }
}
