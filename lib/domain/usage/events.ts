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

export type UsageEffect =
  /** a new session */
  | "opened"
  /** a session built from an inuse/stopuse without its startuse */
  | "reconstructed"
  | "heartbeat"
  | "closed"
  /** a session closed for silence came back to life (the board was only offline) */
  | "reopened"
  /** already recorded: nothing changed */
  | "duplicate"
  /** older than what is recorded already (e.g. an inuse after its stop): ignored */
  | "stale_event";

export type UsageOutcome = { ok: true; effect: UsageEffect; sessionId: number | null } | { ok: false; reason: "unknown_card" };
