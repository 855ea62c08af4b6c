import { and, asc, eq, gte } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/prepared";
import { usageSessions } from "@/lib/db/schema";
import { enqueueUsageEvent } from "../webhooks/outbox";
import { boundedDuration, type CardDurationEvent, type ReplayedStartEvent, type ReplayedStopEvent, type UsageOutcome } from "./events";
import { flagSession, implausibleGiven, implausibleReport } from "./flag-session";
import {
  cardHolderId,
  closeUnstopped,
  lastSeenIdle,
  latestClosedSession,
  latestSession,
  lockMachine,
  openSessionOf,
  resumableStaleSession,
  SAME_SESSION_TOLERANCE_SECONDS,
  secondsBefore,
  secondsBetween,
  sessionClosedBy,
} from "./session-store";

/*
 * Usage sessions from board events, following the protocol's "nothing lost, nothing counted twice": replays are
 * recorded once, inuse/stopuse without a start rebuild the session, a start over an open session ends the stale one.
 * Sessions are not audited: the table is itself the log of what the boards reported. A duration that cannot be true
 * (flag-session.ts) is recorded as reported but flagged, and counts nowhere until accepted.
 */

const unknownCard = { ok: false, reason: "unknown_card" } as const;

/** How long after a replayed stop the same stop replayed again (the board's queue re-sent) is taken for it. */
export const REPLAY_WINDOW_MS = 30 * 60 * 1000;
/** How long a board may take to replay a live stop whose reply it lost (it may stay offline for hours). */
export const LOST_REPLY_WINDOW_MS = 24 * 3600 * 1000;

/**
 * Records a card's event on its machine under the machine's row lock, in the caller's transaction or a new one: the
 * card's holder, the lock and the `facts` the event needs are sent together (one round trip; the server takes the
 * lock before it reads the facts), then `work` decides and writes, and the webhook event goes out in the same
 * transaction. An unknown card records nothing.
 */
async function withMachineLock<F>(
  db: Db,
  ev: { machineId: number; uid: string },
  facts: (tx: Db) => Promise<F>,
  work: (tx: Db, personId: number, facts: F) => Promise<UsageOutcome>,
): Promise<UsageOutcome> {
  return inTransaction(db, async (tx) => {
    const [personId, locked, known] = await Promise.all([cardHolderId(tx, ev.uid), lockMachine(tx, ev.machineId), facts(tx)]);
    if (personId === null) return unknownCard;
    if (!locked) throw new Error(`machine ${ev.machineId} does not exist`);
    const outcome = await work(tx, personId, known);
    await enqueueUsageEvent(tx, outcome); // webhooks: usage started/stopped, in this transaction
    return outcome;
  });
}

/** startuse: a card logged in. */
export async function recordUsageStart(db: Db, ev: ReplayedStartEvent): Promise<UsageOutcome> {
  // A replayed start says only that the card logged in some time ago. Where the broker knows it is new in the board's
  // queue, it opens the use (its stop, next in the queue, gives the duration; without one the use is still there,
  // closed for silence). Otherwise the use is recorded from its stop or next inuse, which carry its duration: a start
  // alone cannot tell a new use from a replay of one already recorded, and opening one would leave the machine busy
  // when its stop came first.
  if (ev.replay && ev.queue !== "continued") {
    if ((await cardHolderId(db, ev.uid)) === null) return unknownCard;
    return { ok: true, effect: ev.queue === "repeat" ? "duplicate" : "deferred", sessionId: null };
  }
  // The very same event applied again (a spool drained twice) or a second session opened by it; the open session.
  const facts = (tx: Db) => Promise.all([sessionOpenedBy(tx, ev), openSessionOf(tx, ev.machineId)]);
  return withMachineLock(db, ev, facts, async (tx, personId, [same, open]) => {
    if (same) return { ok: true, effect: "duplicate", sessionId: same.id };
    if (open) await closeUnstopped(tx, open, "superseded");
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
      .returning({ id: usageSessions.id })
      .prepare("open_usage_session")
      .execute();
    return { ok: true, effect: "opened", sessionId: row!.id };
  });
}

const sessionOpenedBy = (tx: Db, ev: ReplayedStartEvent) =>
  tx
    .select({ id: usageSessions.id })
    .from(usageSessions)
    .where(and(eq(usageSessions.machineId, ev.machineId), eq(usageSessions.cardUid, ev.uid), eq(usageSessions.openedByEventAt, ev.receivedAt)))
    .prepare("session_opened_by")
    .execute()
    .then(([row]) => row);

/** inuse: every 30 s while a card is logged in. */
export async function recordUsageHeartbeat(db: Db, input: CardDurationEvent): Promise<UsageOutcome> {
  const ev = { ...input, duration: boundedDuration(input.duration) };
  const facts = (tx: Db) => openSessionOf(tx, ev.machineId);
  return withMachineLock(db, ev, facts, async (tx, personId, open) => {
    if (open?.cardUid === ev.uid) {
      const lastHeartbeatAt = ev.receivedAt > open.lastHeartbeatAt ? ev.receivedAt : open.lastHeartbeatAt;
      // A session whose start was guessed (replayed, rebuilt) learns its real start from a live heartbeat; a live
      // session keeps its own start, so the board's duration changes nothing there and needs no check.
      const learnsStart = open.recordedAs !== "live" && !ev.replay;
      const flag = learnsStart ? await implausibleReport(tx, input) : null;
      const startedAt = learnsStart ? secondsBefore(ev.receivedAt, ev.duration) : open.startedAt;
      await tx
        .update(usageSessions)
        .set({ lastHeartbeatAt, startedAt, heartbeats: open.heartbeats + 1 })
        .where(eq(usageSessions.id, open.id))
        .prepare("usage_heartbeat")
        .execute();
      await flagSession(tx, open.id, flag, input.duration);
      return { ok: true, effect: "heartbeat", sessionId: open.id };
    }
    // Older than what we know (e.g. applied again after its stop): the session it belonged to is recorded.
    const latest = await latestSession(tx, ev.machineId);
    if (latest && !open && latest.endedBecause !== "stale" && latest.endedAt && latest.endedAt >= ev.receivedAt) {
      return { ok: true, effect: "stale_event", sessionId: latest.id };
    }
    const flag = await implausibleReport(tx, input);
    if (open) await closeUnstopped(tx, open, "superseded");
    const stale = await resumableStaleSession(tx, ev.machineId, ev.uid, ev.duration);
    if (stale) {
      await tx
        .update(usageSessions)
        .set({ endedAt: null, durationSeconds: null, endedBecause: null, lastHeartbeatAt: ev.receivedAt, heartbeats: stale.heartbeats + 1 })
        .where(eq(usageSessions.id, stale.id));
      await flagSession(tx, stale.id, flag, input.duration);
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
    await flagSession(tx, row!.id, flag, input.duration);
    return { ok: true, effect: "reconstructed", sessionId: row!.id };
  });
}

/**
 * stopuse: the card logged out after `duration` seconds. Live, it closes the card's open session. Replayed (from the
 * board's offline queue, no timestamp), it describes a use that happened some time before; the same queue may arrive
 * again (a lost reply, a reboot), so a replayed stop is a duplicate when this burst's identical stops so far
 * (`ev.burst.ordinal`) are fewer than those already recorded from replays lately. Identical durations of different
 * uses are kept: a live use and an offline one, or two offline ones in the same queue.
 */
export async function recordUsageStop(db: Db, input: ReplayedStopEvent): Promise<UsageOutcome> {
  const ev = { ...input, duration: boundedDuration(input.duration) };
  // The session this very stop closed (applied again: a spool drained twice), the open session, and for a live stop
  // the last moment the board showed the machine idle (the plausibility check's fact), read before anything changes.
  const facts = (tx: Db) =>
    Promise.all([
      sessionClosedBy(tx, ev.machineId, ev.uid, ev.receivedAt),
      openSessionOf(tx, ev.machineId),
      ev.replay ? null : lastSeenIdle(tx, ev.machineId, ev.receivedAt),
    ]);
  return withMachineLock(db, ev, facts, async (tx, personId, [same, open, lastIdle]) => {
    if (same) return { ok: true, effect: "duplicate", sessionId: same.id };
    const closedBy = { endedBecause: "stop" as const, closedByEventAt: ev.receivedAt, closedByReplay: ev.replay };
    // A replayed stop is of the open session only if that session has run as long as the stop says; otherwise the
    // stop ends an earlier use (of this card or another) and the running session is left alone.
    // An open session of a replayed start has no known start: the stop is its end, whatever its duration.
    const ofOpen =
      open?.cardUid === ev.uid &&
      (!ev.replay || open.recordedAs === "replayed" || secondsBetween(open.startedAt, ev.receivedAt) + SAME_SESSION_TOLERANCE_SECONDS >= ev.duration);
    // A stop the broker knows to be new in the board's queue is never a duplicate, whatever its duration.
    if (ev.replay && !ofOpen && ev.burst?.queue !== "continued") {
      const earlier = await replayedStopAlreadyRecorded(tx, ev);
      if (earlier) return { ok: true, effect: "duplicate", sessionId: earlier.id };
    }
    // Judged before this stop changes anything: its own closing is no evidence about itself.
    const flag = implausibleGiven(input, lastIdle);
    if (open && ofOpen) {
      // The board's duration is the truth. A live start is a trustworthy start; otherwise the stop's arrival is the end.
      const keepStart = ev.replay && open.recordedAs === "live";
      const startedAt = keepStart ? open.startedAt : secondsBefore(ev.receivedAt, ev.duration);
      await tx
        .update(usageSessions)
        .set({
          startedAt,
          endedAt: new Date(startedAt.getTime() + ev.duration * 1000),
          durationSeconds: ev.duration,
          ...closedBy,
          recordedAs: ev.replay && open.recordedAs === "live" ? "replayed" : open.recordedAs,
        })
        .where(eq(usageSessions.id, open.id))
        .prepare("close_usage_session")
        .execute();
      await flagSession(tx, open.id, flag, input.duration);
      return { ok: true, effect: "closed", sessionId: open.id };
    }
    if (open && !ev.replay) await closeUnstopped(tx, open, "superseded");
    const stale = open && ev.replay ? undefined : await resumableStaleSession(tx, ev.machineId, ev.uid, ev.duration);
    if (stale) {
      await tx
        .update(usageSessions)
        .set({ endedAt: new Date(stale.startedAt.getTime() + ev.duration * 1000), durationSeconds: ev.duration, ...closedBy })
        .where(eq(usageSessions.id, stale.id));
      await flagSession(tx, stale.id, flag, input.duration);
      return { ok: true, effect: "closed", sessionId: stale.id };
    }
    // Rebuilt from the duration. A replayed use ended before the session running now began (one card at a time).
    const endedAt = open && ev.replay && open.startedAt < ev.receivedAt ? open.startedAt : ev.receivedAt;
    const [row] = await tx
      .insert(usageSessions)
      .values({
        machineId: ev.machineId,
        personId,
        cardUid: ev.uid,
        startedAt: secondsBefore(endedAt, ev.duration),
        endedAt,
        durationSeconds: ev.duration,
        lastHeartbeatAt: endedAt,
        openedByEventAt: ev.receivedAt,
        recordedAs: ev.replay ? "replayed" : "reconstructed",
        ...closedBy,
      })
      .returning({ id: usageSessions.id });
    await flagSession(tx, row!.id, flag, input.duration);
    return { ok: true, effect: "reconstructed", sessionId: row!.id };
  });
}

/**
 * A replayed stop recorded already: the `ordinal`-th of the identical replayed stops recorded in the window (the
 * queue arriving again), or — a stop with no replayed start before it in its burst — the card's last use, stopped
 * live with this duration: the board recorded the stop's reply as lost and queued it.
 */
async function replayedStopAlreadyRecorded(tx: Db, ev: ReplayedStopEvent) {
  if (ev.burst?.queue === "repeat") {
    // The board's last message sent again: the use it stopped, if that stop was recorded.
    const last = await latestClosedSession(tx, ev.machineId, ev.uid);
    return last?.endedBecause === "stop" && last.durationSeconds === ev.duration ? last : undefined;
  }
  const since = new Date(ev.receivedAt.getTime() - REPLAY_WINDOW_MS);
  const recorded = await tx
    .select()
    .from(usageSessions)
    .where(
      and(
        eq(usageSessions.machineId, ev.machineId),
        eq(usageSessions.cardUid, ev.uid),
        eq(usageSessions.durationSeconds, ev.duration),
        eq(usageSessions.closedByReplay, true),
        gte(usageSessions.closedByEventAt, since),
      ),
    )
    .orderBy(asc(usageSessions.closedByEventAt), asc(usageSessions.id));
  const ordinal = ev.burst?.ordinal ?? 0;
  if (ordinal < recorded.length) return recorded[ordinal];
  if (ev.burst?.paired) return undefined;
  const last = await latestClosedSession(tx, ev.machineId, ev.uid);
  const lostReplySince = new Date(ev.receivedAt.getTime() - LOST_REPLY_WINDOW_MS);
  const lostReply =
    last?.endedBecause === "stop" &&
    !last.closedByReplay &&
    last.durationSeconds === ev.duration &&
    last.closedByEventAt !== null &&
    last.closedByEventAt >= lostReplySince;
  return lostReply ? last : undefined;
}
