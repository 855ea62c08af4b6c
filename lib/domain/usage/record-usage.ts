import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { usageSessions } from "@/lib/db/schema";
import { enqueueUsageEvent } from "../webhooks/outbox";
import type { CardDurationEvent, CardEvent, UsageOutcome } from "./events";
import {
  cardHolderId,
  closeUnstopped,
  latestClosedSession,
  latestSession,
  lockMachine,
  openSessionOf,
  resumableStaleSession,
  secondsBefore,
} from "./session-store";

/*
 * Usage sessions from board events, following the protocol's "nothing lost, nothing counted twice": replays are
 * recorded once, inuse/stopuse without a start rebuild the session, a start over an open session ends the stale one.
 * Sessions are not audited: the table is itself the log of what the boards reported.
 */

const unknownCard = { ok: false, reason: "unknown_card" } as const;

async function withMachineLock(db: Db, machineId: number, work: (tx: Db) => Promise<UsageOutcome>): Promise<UsageOutcome> {
  return db.transaction(async (tx) => {
    if (!(await lockMachine(tx, machineId))) throw new Error(`machine ${machineId} does not exist`);
    const outcome = await work(tx);
    await enqueueUsageEvent(tx, outcome); // webhooks: usage started/stopped, in this transaction
    return outcome;
  });
}

/** startuse: a card logged in. */
export async function recordUsageStart(db: Db, ev: CardEvent): Promise<UsageOutcome> {
  const personId = await cardHolderId(db, ev.uid);
  if (personId === null) return unknownCard;
  return withMachineLock(db, ev.machineId, async (tx) => {
    // The very same event applied again (a spool drained twice) or a second session opened by it.
    const [same] = await tx
      .select({ id: usageSessions.id })
      .from(usageSessions)
      .where(and(eq(usageSessions.machineId, ev.machineId), eq(usageSessions.cardUid, ev.uid), eq(usageSessions.openedByEventAt, ev.receivedAt)));
    if (same) return { ok: true, effect: "duplicate", sessionId: same.id };
    const open = await openSessionOf(tx, ev.machineId);
    if (open) {
      // A replayed start of the card that is logged in: the live start got through, only its reply was lost.
      if (open.cardUid === ev.uid && ev.replay) return { ok: true, effect: "duplicate", sessionId: open.id };
      await closeUnstopped(tx, open, "superseded");
    }
    const [row] = await tx
      .insert(usageSessions)
      .values({
        machineId: ev.machineId,
        personId,
        cardUid: ev.uid,
        startedAt: ev.receivedAt,
        lastHeartbeatAt: ev.receivedAt,
        openedByEventAt: ev.receivedAt,
        recordedAs: ev.replay ? "replayed" : "live",
      })
      .returning({ id: usageSessions.id });
    return { ok: true, effect: "opened", sessionId: row!.id };
  });
}

/** inuse: every 30 s while a card is logged in. */
export async function recordUsageHeartbeat(db: Db, ev: CardDurationEvent): Promise<UsageOutcome> {
  const personId = await cardHolderId(db, ev.uid);
  if (personId === null) return unknownCard;
  return withMachineLock(db, ev.machineId, async (tx) => {
    const open = await openSessionOf(tx, ev.machineId);
    if (open?.cardUid === ev.uid) {
      const lastHeartbeatAt = ev.receivedAt > open.lastHeartbeatAt ? ev.receivedAt : open.lastHeartbeatAt;
      // A session whose start was guessed (replayed, rebuilt) learns its real start from a live heartbeat.
      const startedAt = open.recordedAs !== "live" && !ev.replay ? secondsBefore(ev.receivedAt, ev.duration) : open.startedAt;
      await tx
        .update(usageSessions)
        .set({ lastHeartbeatAt, startedAt, heartbeats: open.heartbeats + 1 })
        .where(eq(usageSessions.id, open.id));
      return { ok: true, effect: "heartbeat", sessionId: open.id };
    }
    // Older than what we know (e.g. applied again after its stop): the session it belonged to is recorded.
    const latest = await latestSession(tx, ev.machineId);
    if (latest && !open && latest.endedBecause !== "stale" && latest.endedAt && latest.endedAt >= ev.receivedAt) {
      return { ok: true, effect: "stale_event", sessionId: latest.id };
    }
    if (open) await closeUnstopped(tx, open, "superseded");
    const stale = await resumableStaleSession(tx, ev.machineId, ev.uid, ev.duration);
    if (stale) {
      await tx
        .update(usageSessions)
        .set({ endedAt: null, durationSeconds: null, endedBecause: null, lastHeartbeatAt: ev.receivedAt, heartbeats: stale.heartbeats + 1 })
        .where(eq(usageSessions.id, stale.id));
      return { ok: true, effect: "reopened", sessionId: stale.id };
    }
    const [row] = await tx
      .insert(usageSessions)
      .values({
        machineId: ev.machineId,
        personId,
        cardUid: ev.uid,
        startedAt: secondsBefore(ev.receivedAt, ev.duration),
        lastHeartbeatAt: ev.receivedAt,
        heartbeats: 1,
        openedByEventAt: ev.receivedAt,
        recordedAs: "reconstructed",
      })
      .returning({ id: usageSessions.id });
    return { ok: true, effect: "reconstructed", sessionId: row!.id };
  });
}

/**
 * stopuse: the card logged out after `duration` seconds. Without a correlation id, a stop is a duplicate when the
 * card's last closed session on this machine already ended by a stop with exactly this duration.
 */
export async function recordUsageStop(db: Db, ev: CardDurationEvent): Promise<UsageOutcome> {
  const personId = await cardHolderId(db, ev.uid);
  if (personId === null) return unknownCard;
  return withMachineLock(db, ev.machineId, async (tx) => {
    const open = await openSessionOf(tx, ev.machineId);
    const lastClosed = await latestClosedSession(tx, ev.machineId, ev.uid);
    const duplicate = lastClosed?.endedBecause === "stop" && lastClosed.durationSeconds === ev.duration;
    if (open?.cardUid === ev.uid) {
      // A replayed start+stop pair of a session that went through live: the start opened a phantom, drop it.
      if (duplicate && ev.replay && open.recordedAs === "replayed" && open.heartbeats === 0) {
        await tx.delete(usageSessions).where(eq(usageSessions.id, open.id));
        return { ok: true, effect: "duplicate", sessionId: lastClosed!.id };
      }
      // The board's duration is the truth. A live start is a trustworthy start; otherwise the stop's arrival is the end.
      const keepStart = ev.replay && open.recordedAs === "live";
      const startedAt = keepStart ? open.startedAt : secondsBefore(ev.receivedAt, ev.duration);
      await tx
        .update(usageSessions)
        .set({
          startedAt,
          endedAt: new Date(startedAt.getTime() + ev.duration * 1000),
          durationSeconds: ev.duration,
          endedBecause: "stop",
          recordedAs: ev.replay && open.recordedAs === "live" ? "replayed" : open.recordedAs,
        })
        .where(eq(usageSessions.id, open.id));
      return { ok: true, effect: "closed", sessionId: open.id };
    }
    if (duplicate) return { ok: true, effect: "duplicate", sessionId: lastClosed!.id };
    if (open) await closeUnstopped(tx, open, "superseded");
    const stale = await resumableStaleSession(tx, ev.machineId, ev.uid, ev.duration);
    if (stale) {
      await tx
        .update(usageSessions)
        .set({ endedAt: new Date(stale.startedAt.getTime() + ev.duration * 1000), durationSeconds: ev.duration, endedBecause: "stop" })
        .where(eq(usageSessions.id, stale.id));
      return { ok: true, effect: "closed", sessionId: stale.id };
    }
    const [row] = await tx
      .insert(usageSessions)
      .values({
        machineId: ev.machineId,
        personId,
        cardUid: ev.uid,
        startedAt: secondsBefore(ev.receivedAt, ev.duration),
        endedAt: ev.receivedAt,
        durationSeconds: ev.duration,
        endedBecause: "stop",
        lastHeartbeatAt: ev.receivedAt,
        openedByEventAt: ev.receivedAt,
        recordedAs: "reconstructed",
      })
      .returning({ id: usageSessions.id });
    return { ok: true, effect: "reconstructed", sessionId: row!.id };
  });
}
