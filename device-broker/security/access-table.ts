import type { Logger } from "pino";
import type { Db } from "@/lib/db/client";
import { boardAccessTable, type BoardAccess } from "@/lib/domain/usage/board-access";
import type { SnapshotData } from "../snapshot/load-snapshot";

export type AccessTable = Map<number, BoardAccess>;
type Pairing = NonNullable<BoardAccess["pairing"]>;

export interface AccessTableOptions {
  db: Db;
  logger: Logger;
  /** How long the table is trusted before it is read again (default 5 s). */
  refreshMs?: number;
  /**
   * The decision snapshot, reloaded within about a second of any change to machines or pairings: when it is
   * loaded, the table is built from it and no decision waits on the database (issue 21). Else the database.
   */
  snapshot?: () => SnapshotData | null;
  /** Called with each new table. */
  onRefresh?: (table: AccessTable) => void;
}

/** How long a pairing the broker made and saved is applied over tables that do not show it yet. */
const LOCAL_PAIRING_MS = 60_000;

interface LocalPairing {
  pairing: Pairing;
  /** When the broker paired it (ms). */
  at: number;
  /** Written to the database: from now on the source shows it within seconds (unsaved ones stay until saved). */
  savedAt: number | null;
}

/**
 * Per board id: credentials, paired board, pairing window. From the decision snapshot when it is loaded (the
 * embedded broker's normal case); without one, read from the database every few seconds and never waited on
 * twice: while the database fails, decisions use the last table and the database is asked in the background, so
 * a board's publish never waits on the driver's reconnect backoff. Pairings the broker itself just made are laid
 * over the table until the source shows them.
 */
export class AccessTableCache {
  private table: { at: number; value: AccessTable } | undefined;
  private loading: Promise<AccessTable> | undefined;
  private failing = false;
  private readonly local = new Map<number, LocalPairing>();

  constructor(private readonly o: AccessTableOptions) {}

  async get(): Promise<AccessTable> {
    const fromSnapshot = this.snapshotTable();
    if (fromSnapshot) return this.withLocal(fromSnapshot);
    if (this.table && Date.now() - this.table.at < (this.o.refreshMs ?? 5_000)) return this.withLocal(this.table.value);
    this.loading ??= boardAccessTable(this.o.db)
      .then((value) => {
        this.table = { at: Date.now(), value };
        this.failing = false;
        this.prune(value);
        this.o.onRefresh?.(this.withLocal(value));
        return value;
      })
      .catch((error: unknown) => {
        this.failing = true;
        // Database down: keep deciding on the last table we had rather than locking every board out.
        if (this.table) {
          this.o.logger.warn({ err: error }, "board access table not refreshed; using the last one");
          return this.table.value;
        }
        throw error;
      })
      .finally(() => (this.loading = undefined));
    if (this.failing) {
      const known = this.table ? this.withLocal(this.table.value) : null;
      if (known) {
        this.loading.catch(() => {});
        return known;
      }
    }
    return this.withLocal(await this.loading);
  }

  /** The last table (or the snapshot's), without waiting: for decisions that must be synchronous. */
  peek(): AccessTable | null {
    const value = this.snapshotTable() ?? this.table?.value;
    return value ? this.withLocal(value) : null;
  }

  /** Read again at the next decision. */
  expire(): void {
    if (this.table) this.table.at = 0;
  }

  /** A pairing the broker made (the window): applied at once, and until the source shows it once it is saved. */
  pairLocally(boardId: number, pairing: Pairing): void {
    this.local.set(boardId, { pairing, at: Date.now(), savedAt: null });
  }

  savedLocally(boardId: number): void {
    const entry = this.local.get(boardId);
    if (entry) entry.savedAt = Date.now();
  }

  /** Whether the broker itself paired a board for this id since `since` (that window's first board won). */
  pairedLocallySince(boardId: number, since: Date): boolean {
    const entry = this.local.get(boardId);
    return !!entry && entry.at >= since.getTime();
  }

  forgetLocal(boardId: number): void {
    this.local.delete(boardId);
  }

  private withLocal(value: AccessTable): AccessTable {
    if (this.local.size === 0) return value;
    const result = new Map(value);
    for (const [boardId, local] of this.local) {
      const entry = value.get(boardId);
      if (entry && !sameBoard(entry.pairing, local.pairing) && !expired(local)) result.set(boardId, { ...entry, pairing: local.pairing, window: null });
    }
    return result;
  }

  /** After a read from the database: local pairings it shows (or that are too old) are done. */
  private prune(value: AccessTable): void {
    for (const [boardId, local] of this.local) {
      if (sameBoard(value.get(boardId)?.pairing ?? null, local.pairing) || expired(local)) this.local.delete(boardId);
    }
  }

  private snapshotTable(): AccessTable | null {
    const data = this.o.snapshot?.();
    if (!data) return null;
    if (this.fromSnapshot?.data !== data) {
      this.fromSnapshot = { data, table: accessFrom(data) };
      this.prune(this.fromSnapshot.table);
      this.o.onRefresh?.(this.withLocal(this.fromSnapshot.table));
    }
    return this.fromSnapshot.table;
  }

  private fromSnapshot: { data: SnapshotData; table: AccessTable } | undefined;
}

const expired = (local: LocalPairing) => local.savedAt !== null && Date.now() - local.savedAt > LOCAL_PAIRING_MS;
const sameBoard = (a: Pairing | null, b: Pairing) => a?.identityKey === b.identityKey && a.remoteAddress === b.remoteAddress;

/** The access table as boardAccessTable builds it, from the snapshot's machines. */
export function accessFrom(data: SnapshotData): AccessTable {
  const result: AccessTable = new Map();
  for (const m of [...data.machinesById.values()].sort((a, b) => a.id - b.id)) {
    if (m.boardId === -1 || result.has(m.boardId)) continue;
    const w = m.pairingWindow;
    result.set(m.boardId, {
      machineId: m.id,
      requiresCredentials: m.boardPasswordHash !== null,
      login: m.boardUsername && m.boardPasswordHash ? { username: m.boardUsername, passwordHash: m.boardPasswordHash } : null,
      pairing: m.pairing,
      window: w ? { openedAt: new Date(w.openedAt), until: w.until === null ? null : new Date(w.until) } : null,
    });
  }
  return result;
}
