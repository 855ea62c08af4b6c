import { sameData, type ImportPlan, type InterventionValues, type Op, type PlanContext, type PlanValues } from "./plan-types";
import { dateOf, normalizeUid, placeholderUserId } from "./mapping";
import type { ImportKind } from "./report";
import type { FabSource } from "./source";
import { linkOf } from "./target-state";

const MAX_LCD = 16;

/** Creates or updates by comparing the link's data; unchanged records are only counted. */
export function decide<V>(
  ctx: PlanContext,
  kind: ImportKind,
  sourceId: string,
  label: string,
  values: V | (() => V),
  data: unknown,
  linkKind: string = kind,
): Op<V> | null {
  const link = linkOf(ctx.state, linkKind, sourceId);
  const value = () => (typeof values === "function" ? (values as () => V)() : values);
  if (!link) {
    ctx.report.count(kind, "created");
    return { op: "create", sourceId, values: value(), data };
  }
  if (sameData(link.data, data)) {
    ctx.report.count(kind, "unchanged");
    return null;
  }
  if (link.targetId === null) {
    ctx.report.skip(kind, sourceId, label, "removed_here");
    return null;
  }
  ctx.report.updated(kind, sourceId, label, ["values"]);
  return { op: "update", sourceId, targetId: link.targetId, values: value(), data };
}

/** Maintenance plans, interventions, boards, unknown cards (usage history: plan-uses.ts). */
export function planHistory(ctx: PlanContext, source: FabSource, plan: ImportPlan): void {
  const machineKnown = (id: number) => ctx.present.machines.has(String(id));
  const placeholder = placeholderUserId(source);
  const person = (userId: number) => (userId !== placeholder && ctx.present.users.has(String(userId)) ? String(userId) : null);
  const firstUse = new Map<number, number>();
  for (const use of source.uses) firstUse.set(use.machineId, Math.min(firstUse.get(use.machineId) ?? Infinity, use.start));

  const plansKnown = new Set<number>();
  for (const m of source.maintenances) {
    const label = `${m.description.slice(0, 40)} (#${m.id})`;
    if (!machineKnown(m.machineId)) {
      ctx.report.skip("plan", m.id, label, "machine_not_imported", { machineId: m.machineId });
      continue;
    }
    plansKnown.add(m.id);
    const everyHours = Math.max(1, Math.ceil(m.hoursBetween));
    if (everyHours !== m.hoursBetween) ctx.report.note("plan", m.id, label, "hours_rounded", { from: m.hoursBetween, to: everyHours });
    const lcdSource = (m.lcdMessage ?? m.description).trim() || "MAINTENANCE";
    if (lcdSource.length > MAX_LCD) ctx.report.note("plan", m.id, label, "lcd_text_shortened", { text: lcdSource.slice(0, MAX_LCD) });
    const url = m.instructionsUrl && /^https?:\/\/\S+$/i.test(m.instructionsUrl) ? m.instructionsUrl : null;
    if (m.instructionsUrl && !url) ctx.report.note("plan", m.id, label, "invalid_url", { url: m.instructionsUrl });
    // Fab-O-Matic counts a never-done plan's hours from the machine's first use: so does the plan's creation date here.
    const earliest = Math.min(firstUse.get(m.machineId) ?? Infinity, ...source.interventions.filter((i) => i.maintenanceId === m.id).map((i) => i.at));
    const values: PlanValues = {
      machineId: String(m.machineId),
      everyHours,
      description: m.description.trim(),
      lcdText: lcdSource.slice(0, MAX_LCD),
      instructionsUrl: url,
      // Without any use or intervention: created now, and left as it is by later imports.
      createdAt: Number.isFinite(earliest) ? dateOf(earliest - 1) : null,
    };
    const op = decide(ctx, "plan", String(m.id), label, values, { ...values, createdAt: values.createdAt?.toISOString() ?? null });
    if (op) plan.plans.push(op);
  }

  for (const i of source.interventions) {
    const label = `#${i.id}`;
    if (!plansKnown.has(i.maintenanceId) || !machineKnown(i.machineId)) {
      ctx.report.skip("intervention", i.id, label, "unknown_plan", { planId: i.maintenanceId });
      continue;
    }
    const values: InterventionValues = {
      planId: String(i.maintenanceId),
      machineId: String(i.machineId),
      userId: person(i.userId),
      doneAt: dateOf(i.at),
      notes: i.replay ? "From Fab-O-Matic (replayed from the board's offline buffer)" : "From Fab-O-Matic",
    };
    const op = decide(ctx, "intervention", String(i.id), label, values, { ...values, doneAt: i.at });
    if (op) plan.interventions.push(op);
  }

  planBoardsAndCards(ctx, source, plan, machineKnown);
}

function planBoardsAndCards(ctx: PlanContext, source: FabSource, plan: ImportPlan, machineKnown: (id: number) => boolean): void {
  for (const b of source.boards) {
    const label = `${b.serial ?? b.ip} (#${b.id})`;
    if (!machineKnown(b.machineId)) {
      ctx.report.skip("board", b.id, label, "machine_not_imported", { machineId: b.machineId });
      continue;
    }
    const serialKey = b.serial && b.serial !== "?" ? b.serial : "";
    const values = {
      machineId: String(b.machineId),
      serialKey,
      firmwareVersion: b.firmware,
      ip: b.ip,
      serial: serialKey || null,
      heap: b.heap,
      lastSeenAt: dateOf(b.lastSeen),
    };
    const op = decide(ctx, "board", String(b.id), label, values, { ...values, lastSeenAt: b.lastSeen });
    if (op) plan.boards.push(op);
  }
  for (const c of source.unknownCards) {
    const uid = normalizeUid(c.uid).uid;
    if (!uid) {
      ctx.report.skip("unknownCard", c.id, c.uid, "invalid_card_uid");
      continue;
    }
    if (!machineKnown(c.machineId)) {
      ctx.report.skip("unknownCard", c.id, uid, "machine_not_imported", { machineId: c.machineId });
      continue;
    }
    const seenAt = dateOf(c.at);
    const target = linkOf(ctx.state, "machine", c.machineId)?.targetId;
    if (target != null && ctx.state.unknownSwipes.has(`${uid}|${target}|${seenAt.getTime()}`)) {
      ctx.report.count("unknownCard", "unchanged");
      continue;
    }
    ctx.report.count("unknownCard", "created");
    plan.unknownCards.push({ uid, machineId: String(c.machineId), seenAt });
  }
}
