/**
 * Board events as the domain records them. Each carries everything needed to apply it later, in order, from a
 * spool: `receivedAt` is when the broker got the message (not when it is applied), and applying the same event
 * twice changes nothing the second time.
 */
export interface CardEvent {
  machineId: number;
  /** Normalised card uid (8 lowercase hex digits). */
  uid: string;
  /** The board sent it from its offline queue (`"replay":true`). */
  replay: boolean;
  receivedAt: Date;
}

/** inuse/stopuse: `duration` is whole seconds since login, measured by the board. */
export interface CardDurationEvent extends CardEvent {
  duration: number;
}

/**
 * Where the broker placed a replayed message in the board's offline queue, when it knows (device-broker/replay-bursts.ts):
 * a message not received before ("continued"), or the board's last message sent again because its answer did not
 * come ("repeat"). Unknown (absent) after a reboot or a broker restart, when the queue may be an older copy.
 */
export type QueuePlacement = "continued" | "repeat";

/** A replayed startuse: with its place in the queue, when known. */
export interface ReplayedStartEvent extends CardEvent {
  queue?: QueuePlacement;
}

/**
 * Where a replayed stopuse sits in its burst (the board's offline queue as it arrived this time), as the broker saw
 * it: the same queue arriving again gives the same ordinals.
 */
export interface ReplayBurstPosition {
  /** How many identical replayed stops (card and duration) came before it in this burst. */
  ordinal: number;
  /** A replayed startuse of the card came before it in this burst (an offline use, not a lost reply). */
  paired: boolean;
  /** Its place in the queue when known: then ordinal and paired are not needed. */
  queue?: QueuePlacement;
}

export interface ReplayedStopEvent extends CardDurationEvent {
  /** Only for replays; absent (an old spool line, a test) counts as the first of its kind, unpaired. */
  burst?: ReplayBurstPosition;
}

/**
 * The longest use a board's duration is believed for: a week (a long print with auto-logout off). A larger number
 * (up to 2^32 from the firmware's counter, or a board gone wrong) is recorded as this, never as 68 years of hours.
 */
export const MAX_SESSION_SECONDS = 7 * 24 * 3600;

export function boundedDuration(seconds: number): number {
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(Math.floor(seconds), MAX_SESSION_SECONDS) : 0;
}

export type UsageEffect =
  /** a new session */
  | "opened"
  /** a session built from an inuse/stopuse without its startuse */
  | "reconstructed"
  | "heartbeat"
  | "closed"
  /** a session closed for silence came back to life (the board was only offline) */
  | "reopened"
  /** a replayed start: the use is recorded from its stop or next inuse, which carry its duration */
  | "deferred"
  /** already recorded: nothing changed */
  | "duplicate"
  /** older than what is recorded already (e.g. an inuse after its stop): ignored */
  | "stale_event";

export type UsageOutcome = { ok: true; effect: UsageEffect; sessionId: number | null } | { ok: false; reason: "unknown_card" };
