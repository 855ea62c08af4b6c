import { createHash, timingSafeEqual } from "node:crypto";
import type { Logger } from "pino";
import type { Db } from "@/lib/db/client";
import { boardAccessTable, boardLoginOf, verifyBoardPassword } from "@/lib/domain/usage/board-credentials";
import type { BrokerPolicy, ClientInfo } from "./policy";
import type { SnapshotData } from "./snapshot/load-snapshot";
import { parseRequestTopic } from "./protocol";

const BOARD_TOPIC = /^machine\/(\d{1,6})\/(reply|request)$/;

type Session = { boardId: number } | "anonymous";
type AccessTable = Awaited<ReturnType<typeof boardAccessTable>>;

export interface MachinePolicyOptions {
  db: Db;
  logger: Logger;
  /** How long the per-machine access table is trusted before it is read again. */
  refreshMs?: number;
  /** The decision snapshot: who may connect when the database cannot say (down since the broker started). */
  fallback?: () => SnapshotData | null;
}

/**
 * Board security. A board that logs in with a machine's credentials is bound to that machine for its connection:
 * it may publish only to machine/<id> and subscribe only to machine/<id>/reply|request. An anonymous board may
 * do the same only for machines that allow anonymous boards and have no credentials (and for ids no machine has,
 * so a misconfigured board still hears "Invalid machine ID"). Nobody but the backend publishes replies or
 * commands; `$SYS` and wildcard subscriptions are refused. argon2 runs only at CONNECT, and a password verified
 * once against the current hash is recognised again by its SHA-256, so a broker restart does not cost 1000 argon2s.
 */
export function machinePolicy(options: MachinePolicyOptions): BrokerPolicy {
  const { db, logger } = options;
  const refreshMs = options.refreshMs ?? 5_000;
  const sessions = new WeakMap<object, Session>();
  const verified = new Map<string, { hash: string; digest: Buffer }>();
  let table: { at: number; value: AccessTable } | undefined;
  let loading: Promise<AccessTable> | undefined;
  // The last read failed: answer from what we have at once and ask the database in the background, so a board's
  // publish never waits on the driver's reconnect backoff.
  let failing = false;

  async function access(): Promise<AccessTable> {
    if (table && Date.now() - table.at < refreshMs) return table.value;
    loading ??= boardAccessTable(db)
      .then((value) => {
        table = { at: Date.now(), value };
        failing = false;
        return value;
      })
      .catch((error: unknown) => {
        failing = true;
        // Database down: keep deciding on the last table we had rather than locking every board out.
        if (table) {
          logger.warn({ err: error }, "board access table not refreshed; using the last one");
          return table.value;
        }
        // Down since we started: the table the saved snapshot implies.
        const data = options.fallback?.();
        if (data) return accessFrom(data);
        throw error;
      })
      .finally(() => (loading = undefined));
    if (failing) {
      const known = table?.value ?? fallbackAccess();
      if (known) {
        loading.catch(() => {});
        return known;
      }
    }
    return loading;
  }

  function fallbackAccess(): AccessTable | null {
    const data = options.fallback?.();
    return data ? accessFrom(data) : null;
  }

  async function mayActFor(client: ClientInfo, boardId: number): Promise<boolean> {
    const session = (client.key && sessions.get(client.key)) ?? "anonymous";
    if (session !== "anonymous") return session.boardId === boardId;
    const entry = (await access()).get(boardId);
    return !entry || entry.anonymousAllowed;
  }

  return {
    async authenticate(client, username, password) {
      if (!username) {
        if (client.key) sessions.set(client.key, "anonymous");
        return true;
      }
      const data = failing ? options.fallback?.() : null;
      const login = data
        ? loginFrom(data, username)
        : await boardLoginOf(db, username).catch((error: unknown) => {
            const saved = options.fallback?.();
            if (!saved) throw error;
            return loginFrom(saved, username);
          });
      if (!login || login.boardId === null || !password) return false;
      const digest = createHash("sha256").update(password).digest();
      const known = verified.get(username);
      const ok =
        (known?.hash === login.passwordHash && timingSafeEqual(known.digest, digest)) ||
        (await verifyBoardPassword(login.passwordHash, password.toString("utf8")));
      if (!ok) return false;
      verified.set(username, { hash: login.passwordHash, digest });
      if (client.key) sessions.set(client.key, { boardId: login.boardId });
      return true;
    },
    async authorizePublish(client, topic) {
      const target = parseRequestTopic(topic); // machine/<id> only: never a reply, a command or $SYS
      return target !== null && mayActFor(client, target.boardId);
    },
    async authorizeSubscribe(client, topic) {
      const match = BOARD_TOPIC.exec(topic); // no wildcard, no $SYS, no other tree can match
      return match !== null && mayActFor(client, Number(match[1]));
    },
  };
}

/** The access table as boardAccessTable builds it, from the snapshot's machines. */
function accessFrom(data: SnapshotData): AccessTable {
  const result: AccessTable = new Map();
  for (const m of data.machinesById.values()) {
    if (m.boardId === -1) continue;
    const requiresCredentials = m.boardPasswordHash !== null;
    result.set(m.boardId, { requiresCredentials, anonymousAllowed: m.allowAnonymousBoard && !requiresCredentials });
  }
  return result;
}

function loginFrom(data: SnapshotData, username: string): Awaited<ReturnType<typeof boardLoginOf>> {
  for (const m of data.machinesById.values()) {
    if (m.boardUsername === username && m.boardPasswordHash) return { machineId: m.id, boardId: m.boardId === -1 ? null : m.boardId, passwordHash: m.boardPasswordHash };
  }
  return null;
}
