import { eq, sql } from "drizzle-orm";
import { boards, interventions, maintenancePlans, unknownCards, usageSessions } from "@/lib/db/schema";
import { chunks } from "./target-state";
import { insertJsonRows, reserveIds } from "./apply-support";
import type { ApplyContext } from "./apply-core";
import type { SessionValues } from "./plan-types";
import type { SessionOp } from "./plan-uses";

/** Plans, interventions, boards and unknown cards: few rows, written one by one. */
export async function applyMachineRecords({ tx, plan, refs, links }: ApplyContext): Promise<void> {
  for (const op of plan.plans) {
    const { machineId, createdAt, ...rest } = op.values;
    if (op.op === "create") {
      const [row] = await tx
        .insert(maintenancePlans)
        .values({
          ...rest,
          everyHours: rest.everyHours!,
          lcdText: rest.lcdText!,
          machineId: refs.must("machine", machineId!),
          createdAt: createdAt ?? plan.now,
        })
        .returning({ id: maintenancePlans.id });
      refs.set("plan", op.sourceId, row!.id);
      links.add({ kind: "plan", sourceId: op.sourceId, targetId: row!.id, data: op.data });
    } else if (op.op === "update") {
      await tx
        .update(maintenancePlans)
        .set({ ...rest, machineId: refs.must("machine", machineId!), ...(createdAt && { createdAt }) })
        .where(eq(maintenancePlans.id, op.targetId));
      links.add({ kind: "plan", sourceId: op.sourceId, targetId: op.targetId, data: op.data });
    }
  }
  for (const op of plan.interventions) {
    const v = op.values;
    const values = {
      planId: refs.must("plan", v.planId!),
      machineId: refs.must("machine", v.machineId!),
      personId: refs.get("user", v.userId ?? null),
      doneAt: v.doneAt!,
      notes: v.notes!,
      source: "board" as const,
    };
    if (op.op === "create") {
      // (plan, time) is unique: a second Fab-O-Matic record of the same moment is the same intervention.
      const [row] = await tx.insert(interventions).values(values).onConflictDoNothing().returning({ id: interventions.id });
      links.add({ kind: "intervention", sourceId: op.sourceId, targetId: row?.id ?? null, data: op.data });
    } else if (op.op === "update") {
      await tx.update(interventions).set(values).where(eq(interventions.id, op.targetId));
      links.add({ kind: "intervention", sourceId: op.sourceId, targetId: op.targetId, data: op.data });
    }
  }
  for (const op of plan.boards) {
    const v = op.values;
    const values = {
      machineId: refs.must("machine", v.machineId!),
      serialKey: v.serialKey!,
      firmwareVersion: v.firmwareVersion!,
      ip: v.ip!,
      serial: v.serial ?? null,
      heap: v.heap ?? null,
      lastSeenAt: v.lastSeenAt!,
    };
    // A board that already reported here keeps its newer details.
    const [row] = await tx
      .insert(boards)
      .values({ ...values, firstSeenAt: values.lastSeenAt })
      .onConflictDoUpdate({
        target: [boards.machineId, boards.serialKey],
        set: { ...values, firstSeenAt: sql`least(${boards.firstSeenAt}, excluded.first_seen_at)` },
        setWhere: sql`excluded.last_seen_at > ${boards.lastSeenAt}`,
      })
      .returning({ id: boards.id });
    const id =
      row?.id ??
      (
        await tx
          .select({ id: boards.id })
          .from(boards)
          .where(sql`${boards.machineId} = ${values.machineId} and ${boards.serialKey} = ${values.serialKey}`)
      )[0]?.id ??
      null;
    links.add({ kind: "board", sourceId: op.sourceId, targetId: id, data: op.data });
  }
  for (const chunk of chunks(plan.unknownCards, 1000)) {
    await tx
      .insert(unknownCards)
      .values(chunk.map((c) => ({ uid: c.uid, machineId: refs.must("machine", c.machineId), seenAt: c.seenAt })))
      .onConflictDoNothing();
  }
}

const sessionRow = (ctx: ApplyContext, v: SessionValues) => ({
  machineId: ctx.refs.must("machine", v.machineId),
  personId: ctx.refs.get("user", v.userId),
  cardUid: v.cardUid,
  startedAt: v.startedAt,
  endedAt: v.endedAt,
  durationSeconds: v.durationSeconds,
  recordedAs: v.recordedAs,
  endedBecause: v.endedBecause,
  lastHeartbeatAt: v.lastHeartbeatAt,
  openedByEventAt: v.startedAt,
});

/** A batch of usage history: new sessions in bulk (the usage counters' triggers add them up once), changed ones one by one. */
export async function applySessions(ctx: ApplyContext, batch: SessionOp[]): Promise<void> {
  const { tx, links } = ctx;
  const creates = batch.flatMap((s) => (s.op.op === "create" ? [{ kind: s.kind, op: s.op }] : []));
  const ids = await reserveIds(tx, "usage_sessions", creates.length);
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  await insertJsonRows(
    tx,
    "usage_sessions",
    [
      "id",
      "machine_id",
      "person_id",
      "card_uid",
      "started_at",
      "ended_at",
      "duration_seconds",
      "recorded_as",
      "ended_because",
      "last_heartbeat_at",
      "heartbeats",
      "opened_by_event_at",
    ],
    creates.map((s, i) => {
      const r = sessionRow(ctx, s.op.values);
      return {
        id: ids[i],
        machine_id: r.machineId,
        person_id: r.personId,
        card_uid: r.cardUid,
        started_at: iso(r.startedAt),
        ended_at: iso(r.endedAt),
        duration_seconds: r.durationSeconds,
        recorded_as: r.recordedAs,
        ended_because: r.endedBecause,
        last_heartbeat_at: iso(r.lastHeartbeatAt),
        heartbeats: 0,
        opened_by_event_at: iso(r.openedByEventAt),
      };
    }),
  );
  creates.forEach((s, i) => links.add({ kind: s.kind, sourceId: s.op.sourceId, targetId: ids[i]!, data: s.op.data }));
  for (const { kind, op } of batch) {
    if (op.op !== "update") continue;
    await tx
      .update(usageSessions)
      .set(sessionRow(ctx, op.values as SessionValues))
      .where(eq(usageSessions.id, op.targetId));
    links.add({ kind, sourceId: op.sourceId, targetId: op.targetId, data: op.data });
  }
}
