/**
 * Whether a duration a board reports (stopuse, inuse) can be true. The broker records every report, but one that
 * cannot be true is flagged for an admin and kept out of machine hours (issue 13: a forged 10-hour session).
 * Pure: the facts come from the usage recording.
 */

/** Slack for clocks, a board's queued report and the broker's own delay. */
export const DURATION_TOLERANCE_SECONDS = 120;
/** No machine session runs longer than this; a longer one is a fault or a forgery. */
export const MAX_SESSION_SECONDS = 24 * 3600;

export type ImplausibleReason = "negative" | "too_long" | "longer_than_since_start" | "in_the_future";

export interface UsageReportFacts {
  /** The duration the board reports, in seconds. */
  durationSeconds: number;
  /** When the broker received the report. */
  receivedAt: Date;
  /** When the session began as the broker saw it (its start or the machine last seen idle); null: not known. */
  startedAt: Date | null;
  /** The broker's clock now. */
  now: Date;
}

export function decideUsagePlausibility(f: UsageReportFacts): { plausible: true } | { plausible: false; reason: ImplausibleReason } {
  if (!Number.isFinite(f.durationSeconds) || f.durationSeconds < 0) return { plausible: false, reason: "negative" };
  if (f.receivedAt.getTime() > f.now.getTime() + DURATION_TOLERANCE_SECONDS * 1000) return { plausible: false, reason: "in_the_future" };
  if (f.durationSeconds > MAX_SESSION_SECONDS) return { plausible: false, reason: "too_long" };
  if (f.startedAt) {
    const since = (f.receivedAt.getTime() - f.startedAt.getTime()) / 1000;
    if (f.durationSeconds > since + DURATION_TOLERANCE_SECONDS) return { plausible: false, reason: "longer_than_since_start" };
  }
  return { plausible: true };
}
