import { decide } from "./plan-history";
import type { Op, PlanContext, SessionValues } from "./plan-types";
import { dateOf, normalizeUid, placeholderUserId } from "./mapping";
import type { FabSource } from "./source";
import { linkOf } from "./target-state";

/** Fab-O-Matic closes nothing by itself; an open use silent for longer than this was left open by a lost stopuse. */
const STALE_AFTER_MS = 60 * 60 * 1000;

export type SessionOp = { kind: "use" | "hours"; op: Op<SessionValues> };

/**
 * Usage history in batches, newest first: the import writes each batch before the next is decided, so a
 * file with hundreds of thousands of uses never holds them all as writes at once; the dry run only counts.
 * The last batch holds the hours Fab-O-Matic counted that no use explains (one session per machine).
 */
export function* sessionBatches(ctx: PlanContext, source: FabSource, size = 5000): Generator<SessionOp[]> {
  const placeholder = placeholderUserId(source);
  const person = (userId: number) => (userId !== placeholder && ctx.present.users.has(String(userId)) ? String(userId) : null);
  const machineKnown = (id: number) => ctx.present.machines.has(String(id));
  const cardOf = new Map(source.users.map((u) => [u.id, normalizeUid(u.cardUid).uid ?? ""]));
  // Machines with an open session here that is not one an earlier import made from this file.
  const importedSessions = new Set([...(ctx.state.links.get("use")?.values() ?? [])].map((l) => l.targetId));
  const openOn = new Set([...ctx.state.openSessions].filter(([, session]) => !importedSessions.has(session)).map(([machine]) => machine));
  const counted = new Map<number, number>();
  const first = new Map<number, number>();
  // The newest open use of a machine may stay open; older ones (and any a session here already holds) are closed.
  const uses = [...source.uses].sort((a, b) => b.start - a.start);
  let batch: SessionOp[] = [];
  for (const use of uses) {
    const label = `#${use.id}`;
    if (!machineKnown(use.machineId)) {
      ctx.report.skip("use", use.id, label, "machine_not_imported", { machineId: use.machineId });
      continue;
    }
    let end = use.end;
    let endedBecause: SessionValues["endedBecause"] = "stop";
    if (end === null) {
      const stale = ctx.now.getTime() - use.lastSeen * 1000 > STALE_AFTER_MS;
      if (stale || openOn.has(use.machineId)) {
        end = Math.max(use.start, use.lastSeen);
        endedBecause = stale ? "stale" : "superseded";
        ctx.report.note("use", use.id, label, "open_use_closed", { machineId: use.machineId });
      } else {
        endedBecause = null;
        openOn.add(use.machineId);
      }
    }
    if (end !== null && end < use.start) {
      ctx.report.skip("use", use.id, label, "ends_before_start");
      continue;
    }
    const seconds = end === null ? null : Math.round(end - use.start);
    counted.set(use.machineId, (counted.get(use.machineId) ?? 0) + (end ?? use.lastSeen) - use.start);
    first.set(use.machineId, Math.min(first.get(use.machineId) ?? Infinity, use.start));
    const data = [use.machineId, person(use.userId), use.start, end, use.lastSeen, use.replay, endedBecause].join("|");
    const op = decide(
      ctx,
      "use",
      String(use.id),
      label,
      () => {
        const startedAt = dateOf(use.start);
        return {
          machineId: String(use.machineId),
          userId: person(use.userId),
          cardUid: cardOf.get(use.userId) ?? "",
          startedAt,
          endedAt: seconds === null ? null : new Date(startedAt.getTime() + seconds * 1000),
          durationSeconds: seconds,
          recordedAs: use.replay ? "replayed" : "live",
          endedBecause,
          lastHeartbeatAt: dateOf(Math.max(use.start, use.lastSeen)),
        } satisfies SessionValues;
      },
      data,
    );
    if (op) batch.push({ kind: "use", op });
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  // Hours Fab-O-Matic counted that no use explains (uses deleted there, hours typed in): one session before the first use.
  for (const machine of source.machines.filter((m) => machineKnown(m.id))) {
    const gap = Math.round(machine.hours * 3600 - (counted.get(machine.id) ?? 0));
    const label = `${machine.name} (#${machine.id})`;
    if (gap <= 60) {
      if (linkOf(ctx.state, "hours", machine.id)) ctx.report.count("use", "unchanged");
      continue;
    }
    const firstUse = first.get(machine.id);
    const endedAt = firstUse !== undefined ? dateOf(firstUse) : machine.lastSeen !== null ? dateOf(machine.lastSeen) : ctx.now;
    const startedAt = new Date(endedAt.getTime() - gap * 1000);
    ctx.report.note("use", `hours:${machine.id}`, label, "hours_carried_over", { hours: Math.round(gap / 36) / 100 });
    const values = (): SessionValues => ({
      machineId: String(machine.id),
      userId: null,
      cardUid: "",
      startedAt,
      endedAt,
      durationSeconds: gap,
      recordedAs: "manual",
      endedBecause: "manual",
      lastHeartbeatAt: endedAt,
    });
    const op = decide(ctx, "use", String(machine.id), label, values, String(gap), "hours");
    if (op) batch.push({ kind: "hours", op });
  }
  if (batch.length) yield batch;
}
