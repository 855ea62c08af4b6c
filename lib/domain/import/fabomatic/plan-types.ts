import type { ReportBuilder } from "./report";
import type { TargetState } from "./target-state";

/**
 * The import as a list of writes, decided before anything is written: the dry run shows the plan's report, the
 * import carries it out. Rows refer to each other by source key ("type:3", a Fab-O-Matic user id …), resolved to
 * ids while the plan is applied, in order: types, machines, people, authorizations, history.
 */
export type Op<V> =
  { op: "create"; sourceId: string; values: V; data: unknown } | { op: "update"; sourceId: string; targetId: number; values: Partial<V>; data: unknown };

export interface TypeValues {
  name: string;
  boardKind: number;
  noAuthorizationNeeded: boolean;
  description: string;
}
export interface MachineValues {
  name: string;
  typeKey: string;
  boardId: number | null;
  blocked: boolean;
  autoLogoffMinutes: number;
  graceMinutes: number;
}
export interface PersonValues {
  firstName: string;
  lastName: string;
  email: string | null;
  cardUid: string | null;
  statusKey: string;
  roleKey: "admin" | "staff" | null;
  joinedOn: Date | null;
  /** Updates only: the card and role the previous import gave, to be ended or removed. */
  previousCardUid?: string | null;
  previousRoleKey?: "admin" | "staff" | null;
}
export interface GrantValues {
  userId: string;
  typeKey: string;
  level: "user" | "owner";
}
export interface PlanValues {
  machineId: string;
  everyHours: number;
  description: string;
  lcdText: string;
  instructionsUrl: string | null;
  createdAt: Date | null;
}
export interface InterventionValues {
  planId: string;
  machineId: string;
  userId: string | null;
  doneAt: Date;
  notes: string;
}
export interface SessionValues {
  machineId: string;
  userId: string | null;
  cardUid: string;
  startedAt: Date;
  endedAt: Date | null;
  durationSeconds: number | null;
  recordedAs: "live" | "replayed" | "manual";
  endedBecause: "stop" | "stale" | "superseded" | "manual" | null;
  lastHeartbeatAt: Date;
}
export interface BoardValues {
  machineId: string;
  serialKey: string;
  firmwareVersion: string;
  ip: string;
  serial: string | null;
  heap: number | null;
  lastSeenAt: Date;
}
export interface UnknownCardValues {
  uid: string;
  machineId: string;
  seenAt: Date;
}

export interface ImportPlan {
  now: Date;
  ensureSuspendedStatus: boolean;
  types: Op<TypeValues>[];
  machines: Op<MachineValues>[];
  people: Op<PersonValues>[];
  grants: Op<GrantValues>[];
  /** Authorization links whose grant the file no longer has: revoke (when still current) and forget. */
  revokes: { sourceId: string; targetId: number | null }[];
  plans: Op<PlanValues>[];
  interventions: Op<InterventionValues>[];
  boards: Op<BoardValues>[];
  unknownCards: UnknownCardValues[];
}

export interface PlanContext {
  state: TargetState;
  report: ReportBuilder;
  now: Date;
  /** Source keys of records that exist after the import (linked and alive, or created now), per kind. */
  present: { types: Set<string>; machines: Set<string>; users: Set<string> };
}

/** JSON with sorted keys: link data comes back from jsonb with its keys reordered. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** The import's link data is compared as JSON: equal JSON, unchanged source. */
export const sameData = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);

/** Which fields differ between two link data objects (as applied last time vs wanted now). */
export function changedFields<T extends object>(previous: Partial<T> | undefined, next: T): (keyof T)[] {
  return (Object.keys(next) as (keyof T)[]).filter((k) => JSON.stringify(previous?.[k]) !== JSON.stringify(next[k]));
}
