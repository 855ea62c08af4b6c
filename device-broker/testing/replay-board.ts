import { asc, eq } from "drizzle-orm";
import type { MqttClient } from "mqtt";
import { expect } from "vitest";
import type { Db } from "@/lib/db/client";
import { usageSessions } from "@/lib/db/schema";
import { ask } from "./board-client";

/*
 * A board replaying its offline queue, as the replay tests drive it (embedded broker, across a restart, behind an
 * external broker): the firmware's messages, one reply each, and the exact rows the machine is left with.
 */

export const start = (uid: string, replay = true) => ({ action: "startuse", uid, ...(replay ? { replay } : {}) });
export const stop = (uid: string, duration: number, replay = true) => ({ action: "stopuse", uid, duration, ...(replay ? { replay } : {}) });
export const replayedUse = (uid: string, duration: number) => ({ card: uid, duration, as: "replayed", ended: "stop" });

export interface ReplayBoardOptions {
  db: Db;
  boardId: number;
  machineId: number;
  /** The client id the board connects with first (BOARD<n>). */
  clientId: number | string;
  /** Connects a client as the board to the broker running now (tests end it, or keep it to end after the file). */
  connect(clientId: number | string): Promise<MqttClient>;
}

export async function replayBoard(o: ReplayBoardOptions) {
  let clientId = o.clientId;
  let client = await o.connect(clientId);
  let sent = 0;
  /** Publishes one message and expects exactly one reply. */
  const send = async (message: object) => {
    const replies = await ask(client, o.boardId, JSON.stringify(message));
    expect(replies, JSON.stringify(message)).toHaveLength(1);
    sent++;
    return JSON.parse(replies[0]!.text) as { request_ok: boolean; message?: string };
  };
  const alive = () => client.publishAsync(`machine/${o.boardId}`, JSON.stringify({ action: "alive", version: "test", ip: "127.0.0.1" }));
  /**
   * Connects again, with the same client id (a reconnect) or another (a reboot that drew a new one), and
   * announces itself with an alive unless `announce` is false.
   */
  const reconnect = async (newClientId?: number | string, { announce = true } = {}) => {
    await client.endAsync(true);
    if (newClientId !== undefined) clientId = newClientId;
    client = await o.connect(clientId);
    if (announce) await alive();
  };
  const rows = async () =>
    (await o.db.select().from(usageSessions).where(eq(usageSessions.machineId, o.machineId)).orderBy(asc(usageSessions.id))).map((r) => ({
      card: r.cardUid,
      duration: r.durationSeconds,
      as: r.recordedAs,
      ended: r.endedBecause,
    }));
  /** A live request (the board's heartbeat): the firmware sends it only once its queue is through. */
  const live = () => send({ action: "checkmachine" });
  return { send, alive, live, reconnect, rows, machineId: o.machineId, sent: () => sent };
}
