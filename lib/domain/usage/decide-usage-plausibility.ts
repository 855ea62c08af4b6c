/**
 * Whether a duration a board reports (stopuse, inuse) can be true. The broker records every report, but one that
 * cannot be true is flagged for an admin and kept out of machine hours (issue 13: a forged 10-hour session).
 * Pure: the facts come from the usage recording.
 */

import type { IMPLAUSIBLE_REASONS } from "@/lib/db/schema";
import { MAX_SESSION_SECONDS } from "./events";

export { MAX_SESSION_SECONDS };

/** Slack for clocks, a board's queued report and the broker's own delay. */
export const DURATION_TOLERANCE_SECONDS = 120;

export type ImplausibleReason = (typeof IMPLAUSIBLE_REASONS)[number];

export interface UsageReportFacts {
  /** The duration the board reports, in seconds. */
  durationSeconds: number;
  /** When the broker received the report. */
  receivedAt: Date;
  /** The latest moment the machine was seen idle before the report (a live start or stop); null: not known. */
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
