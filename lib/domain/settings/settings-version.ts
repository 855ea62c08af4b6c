import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { executePrepared } from "@/lib/db/prepared";

/**
 * Which version of the admin-saved data (drizzle/sql/settings-version.ts: space settings, rooms) a process's copies
 * were read at, and what the database's version is now. The copies (getSpaceSettings, roomChoices) are kept per
 * version, not for a time: a save in any process shows in every other one at its next check.
 *
 * The check costs no round trip of its own where a statement already goes out: every signed-in request (and API
 * call) reads the person behind the session (session-person.ts), and the broker polls its change marker every
 * second (decision-snapshot.ts); both statements read the version too and `noteSettingsVersion` it. A version so
 * noted is trusted for CHECK_MS; past that (an anonymous page, a process that sent nothing of the kind) the reader
 * asks the database itself: one read of a one-row table by its key. Measured on the embedded database (a loaded
 * 2-core box): that read costs a round trip like any (1.8 ms prepared; `select 1` 0.9 ms, the settings' load 6.3 ms,
 * a signed-in request's person 8 ms), so per request it would add a statement to every anonymous page and every
 * board message; at most once per CHECK_MS a busy space pays one a second and a page stays at today's statements.
 */
export const CHECK_MS = 1_000;

interface Seen {
  version: string;
  at: number;
  /** The process's saves counted when it was noted (see forgetSettingsVersions). */
  saves: number;
}

// Process-wide (globalThis): Next.js bundles pages, actions and route handlers with their own copies of modules, and
// a version noted by the session's copy must reach the settings' copy. Per handle: a process may hold several (the
// web server's redirect port has its own; tests and benchmarks open many).
const shared = globalThis as unknown as { __settingsVersions?: { seen: WeakMap<Db, Seen>; saves: number } };
const state = (shared.__settingsVersions ??= { seen: new WeakMap(), saves: 0 });

/**
 * The version as a statement sent anyway just read it (committed, or as its transaction sees it). A note only moves
 * forward: a statement that began before another process's commit may finish after a later one noted the new
 * version, and putting its older version back would serve the old copies again (until the next check).
 */
export function noteSettingsVersion(db: Db, version: string | null | undefined, now = Date.now()): void {
  if (version == null) return;
  const noted = state.seen.get(db);
  if (noted && olderThan(version, noted.version)) return;
  state.seen.set(db, { version, at: now, saves: state.saves });
}

/** Versions are bigints written as text: compared as numbers ("10" is after "9"). */
function olderThan(a: string, b: string): boolean {
  try {
    return BigInt(a) < BigInt(b);
  } catch {
    return false;
  }
}

/** The version column for a statement that goes out anyway (a subquery: the statement stays one round trip). */
export const settingsVersionColumn = sql<string>`(select version::text from ms_internal.settings_version where id = 1)`;

/** The check's own statement, when no statement sent anyway noted the version within CHECK_MS. */
export const settingsVersionRead = sql<string>`select ${settingsVersionColumn} as version`;

/**
 * The database's version as of now: the one a statement noted within CHECK_MS (and since this process last saved),
 * else read. Read before the data it guards: data read after it is at least that new (a save in between only makes
 * the next check reload once more).
 */
export async function currentSettingsVersion(db: Db, now = Date.now()): Promise<string> {
  const noted = state.seen.get(db);
  if (noted && noted.saves === state.saves && now - noted.at < CHECK_MS && now >= noted.at) return noted.version;
  // Prepared: one round trip, not two (prepared.ts).
  const [row] = await executePrepared<{ version: string }>(db, "settings_version", settingsVersionRead);
  const version = row?.version ?? "";
  noteSettingsVersion(db, version, now);
  return version;
}

/**
 * After this process saved (committed): every handle of the process asks the database at its next check, as a
 * version noted before the save would still match the copies read before it.
 */
export function forgetSettingsVersions(): void {
  state.saves++;
}
