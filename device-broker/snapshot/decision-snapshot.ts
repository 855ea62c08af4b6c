import { sql } from "drizzle-orm";
import type { Logger } from "pino";
import type { Db } from "@/lib/db/client";
import { noteSettingsVersion, settingsVersionColumn } from "@/lib/domain/settings/settings-version";
import { DatabaseHealth } from "../database-health";
import type { BrokerMetrics } from "../metrics";
import { loadSnapshot, personTypeKey, type SnapshotData } from "./load-snapshot";
import { writeSnapshotFile, type SavedSnapshot } from "./snapshot-file";

export interface SnapshotOptions {
  db: Db;
  logger: Logger;
  metrics: BrokerMetrics;
  /** How often the change marker is polled (default 1 s). */
  pollMs?: number;
  /** Full reload regardless of markers (default 30 s): machine hours grow with time, not with writes. */
  fullReloadMs?: number;
  /** <DATA_DIR>/broker/snapshot.json: each good load is saved there, for a start while the database is down. */
  persistFile?: string;
  /** Told what each poll finds (shared with the spool, so an outage in a quiet period is known before a board asks). */
  health?: DatabaseHealth;
  /** How long a poll of the change marker may take before the database counts as away (default 2 s). */
  probeTimeoutMs?: number;
  /** How long a full load may take before it is given up (default 30 s; the last snapshot stays in use). */
  loadTimeoutMs?: number;
  /** The change marker's reader (default: ms_internal.data_version); tests hold it to order a poll and a refresh. */
  readMarker?: () => Promise<string>;
  /** The loader (default: loadSnapshot on db); tests hold it to order concurrent loads. */
  load?: () => Promise<SnapshotData>;
}

type LocalFact = (data: SnapshotData) => void;

/**
 * The broker's in-memory copy of what board decisions need, so swipes are answered without a database round trip
 * and still answered while the database is down. Reloaded when the change marker moves (ms_internal.data_version,
 * bumped by triggers at each writer's commit: drizzle/sql/data-versions.ts; or the settings' version) and every fullReloadMs; facts the broker itself records (usage, maintenance) are applied at once and
 * re-applied over a reload that may have read the database before they were committed (or while they are spooled).
 */
export class DecisionSnapshot {
  data: SnapshotData | null = null;
  private versions = "";
  private lastFull = 0;
  /** The load running now: loads run one at a time, so one that started earlier never replaces a later one's state. */
  private loading: Promise<boolean> | null = null;
  /** The load to start once the running one is done, shared by every refresh() asked meanwhile. */
  private queued: Promise<boolean> | null = null;
  /** Generations: of the last load started, and of the state in `data` (0: none yet, or restored from disk). */
  private started = 0;
  private applied = 0;
  private timer: NodeJS.Timeout | null = null;
  private local: { at: number; apply: LocalFact }[] = [];

  private readonly health: DatabaseHealth;

  constructor(private readonly o: SnapshotOptions) {
    this.health = o.health ?? new DatabaseHealth(o);
    // Back (the spool drained, say): poll now rather than at the end of this poll's backoff.
    this.health.onBack(() => {
      this.failures = 0;
      this.nextTryAt = 0;
    });
  }

  get ready(): boolean {
    return this.data !== null;
  }

  start(): void {
    void this.tick();
    this.timer = setInterval(() => void this.tick(), this.o.pollMs ?? 1_000);
    this.timer.unref();
  }

  /** Bounded: a load stuck on a database that is down must not hold up the shutdown. */
  async stop(graceMs = 3_000): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    let wait: NodeJS.Timeout | undefined;
    await Promise.race([this.queued ?? this.loading, new Promise<void>((resolve) => (wait = setTimeout(resolve, graceMs)))]);
    clearTimeout(wait);
    await this.saving;
  }

  /** Starts from a snapshot saved by an earlier run (database down at start); the next good load replaces it. */
  restore(saved: SavedSnapshot): void {
    if (this.data) return;
    this.data = saved.data;
    for (const fact of this.local) fact.apply(saved.data);
  }

  /** Resolves when the last save to disk is done (tests; never rejects). */
  async saved(): Promise<void> {
    await this.saving;
  }

  private saving: Promise<void> | null = null;
  private savedDigest: string | undefined;

  /** After a good load only; one write at a time, and a newer load saves on top of it. */
  private persist(data: SnapshotData): void {
    const file = this.o.persistFile;
    if (!file || this.saving) return;
    this.saving = writeSnapshotFile(file, data, this.savedDigest)
      .then((digest) => void (this.savedDigest = digest))
      .catch((error: unknown) => {
        this.o.metrics.snapshotErrors++;
        this.o.logger.warn({ err: error, file }, "decision snapshot not saved to disk");
      })
      .finally(() => {
        this.saving = null;
        if (this.data && this.data !== data) this.persist(this.data);
      });
  }

  /**
   * Reloads: resolves once a load that started after this call is done — applied, or failed with the database away
   * (the last state stays; never rejects). After a direct database change (tests), on the database's return.
   */
  async refresh(): Promise<void> {
    await this.loadAfterNow();
  }

  /**
   * A load that starts after this call: now when none runs, else the one queued after the running one (which may
   * have read the database before the caller's change), shared by every caller while it waits.
   */
  private loadAfterNow(): Promise<boolean> {
    if (this.queued) return this.queued;
    if (!this.loading) return this.reload();
    const queued = this.loading.then(() => {
      this.queued = null;
      return this.reload();
    });
    this.queued = queued;
    return queued;
  }

  /** A fact the broker recorded (or spooled): applied now and over the next reloads while it may be unseen. */
  noteLocal(apply: LocalFact): void {
    if (this.data) apply(this.data);
    this.local.push({ at: Date.now(), apply });
  }

  noteUse(personId: number, equipmentTypeId: number, at: Date): void {
    const key = personTypeKey(personId, equipmentTypeId);
    this.noteLocal((d) => {
      const known = d.lastUse.get(key);
      if (!known || known < at) d.lastUse.set(key, at);
    });
  }

  noteMaintenanceDone(machineId: number): void {
    this.noteLocal((d) => {
      const m = d.machinesById.get(machineId);
      if (m) m.overdue = [];
    });
  }

  /** Keep local facts while anything is spooled (the database does not have them yet), else for a minute. */
  keepLocalFacts: () => boolean = () => false;

  /** Called after each good load (the board policy rebuilds its access table from it). */
  onReload: () => void = () => {};

  private ticking = false;
  private failures = 0;
  private nextTryAt = 0;

  private async tick(): Promise<void> {
    // Never overlapping: on a database that hangs, polls must not pile up in the connection pool.
    if (this.loading || this.queued || this.ticking || Date.now() < this.nextTryAt) return;
    this.ticking = true;
    try {
      const stale = Date.now() - this.lastFull >= (this.o.fullReloadMs ?? 30_000);
      // Bounded: a database that stops answering (not refusing) would hold this poll, and with it every later one.
      const versions = await this.health.bounded(this.o.probeTimeoutMs ?? 2_000, () => this.readVersions(), "snapshot poll");
      if (!stale && versions === this.versions && this.data) return;
      // A refresh started a load while the marker was read: that load reads the database after this poll did.
      if (this.loading || this.queued) return;
      if (!(await this.reload(versions))) throw new Error("snapshot reload failed");
      this.failures = 0;
    } catch (error) {
      // Database away: ask less and less often (up to 30 s), so the pool's reconnects are not driven by us.
      this.failures++;
      this.nextTryAt = Date.now() + Math.min(30_000, 1_000 * 2 ** Math.min(this.failures, 5));
      if (!(error instanceof Error && error.message === "snapshot reload failed")) {
        this.o.metrics.snapshotErrors++;
        this.o.logger.debug({ err: error }, "snapshot change marker not read");
      }
    } finally {
      this.ticking = false;
    }
  }

  private async readVersions(): Promise<string> {
    try {
      if (this.o.readMarker) return await this.o.readMarker();
      // The settings' version rides along (settings-version.ts): this process's kept settings follow a save made
      // elsewhere within a poll, without a statement of their own; a change reloads the snapshot (it reads the time zone).
      const rows = await this.o.db.execute<{ version: string; settings: string | null }>(
        sql`select version::text as version, ${settingsVersionColumn} as settings from ms_internal.data_version where id = 1`,
      );
      noteSettingsVersion(this.o.db, rows[0]?.settings);
      return `${rows[0]?.version ?? ""}/${rows[0]?.settings ?? ""}`;
    } catch (error) {
      // No marker table or schema (database not prepared by this version): the periodic full reload still runs.
      const code = (error as { cause?: { code?: string } }).cause?.code;
      if (code === "42P01" || code === "3F000") return this.versions;
      throw error;
    }
  }

  /** Only when no load runs (loadAfterNow, tick): one load at a time. */
  private reload(versions?: string): Promise<boolean> {
    const generation = ++this.started;
    const run = async () => {
      const startedAt = Date.now();
      try {
        const marker = versions ?? (await this.readVersions().catch(() => this.versions));
        const load = this.o.load ?? (() => loadSnapshot(this.o.db));
        const data = await this.health.bounded(this.o.loadTimeoutMs ?? 30_000, load, "snapshot load");
        // Loads run one at a time, so this holds; checked here so that an older load can never replace newer state.
        if (generation < this.applied) return false;
        this.applied = generation;
        const keep = this.keepLocalFacts();
        this.local = this.local.filter((f) => keep || f.at >= startedAt - 60_000);
        for (const fact of this.local) fact.apply(data);
        this.data = data;
        this.onReload();
        this.versions = marker;
        this.lastFull = Date.now();
        this.o.metrics.snapshotReloads++;
        this.persist(data);
        return true;
      } catch (error) {
        // Database down: keep deciding on the last snapshot we had.
        this.o.metrics.snapshotErrors++;
        this.o.logger.warn({ err: error }, "decision snapshot not reloaded; using the last one");
        return false;
      }
    };
    const loading: Promise<boolean> = run().finally(() => {
      if (this.loading === loading) this.loading = null;
    });
    this.loading = loading;
    return loading;
  }
}
