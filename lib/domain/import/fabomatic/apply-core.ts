import { syncViewRights } from "@/lib/domain/access/view-rights";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { cards, equipmentAuthorizations, equipmentTypes, machines, membershipStatuses, people, personRoles, profiles, roles } from "@/lib/db/schema";
import { addMonths } from "../../machine-access/decide-machine-use";
import { openPairingWindow } from "../../usage/board-pairing";
import { chunks } from "./target-state";
import { LinkWriter, Refs, reserveIds } from "./apply-support";
import { SUSPENDED_STATUS } from "./mapping";
import type { ImportPlan, MachineValues, PersonValues } from "./plan-types";

export interface ApplyContext {
  tx: Db;
  plan: ImportPlan;
  refs: Refs;
  links: LinkWriter;
  actorId: number | null;
  defaultLanguage: string;
}

const BLOCKED_REASON = "Blocked in Fab-O-Matic";

export async function applyTypesAndMachines({ tx, plan, refs, links, actorId }: ApplyContext): Promise<number[]> {
  for (const op of plan.types) {
    if (op.op === "create") {
      const [row] = await tx.insert(equipmentTypes).values(op.values).returning({ id: equipmentTypes.id });
      refs.set("type", op.sourceId, row!.id);
      links.add({ kind: "type", sourceId: op.sourceId, targetId: row!.id, data: op.data });
    } else if (op.op === "update") {
      if (Object.keys(op.values).length) await tx.update(equipmentTypes).set(op.values).where(eq(equipmentTypes.id, op.targetId));
      links.add({ kind: "type", sourceId: op.sourceId, targetId: op.targetId, data: op.data });
    }
  }
  const created: number[] = [];
  const columns = (v: Partial<MachineValues>) => ({
    ...(v.name !== undefined && { name: v.name }),
    ...(v.typeKey !== undefined && { equipmentTypeId: refs.must("type", v.typeKey) }),
    ...(v.boardId !== undefined && { boardId: v.boardId }),
    ...(v.blocked !== undefined && { blocked: v.blocked, blockedReason: v.blocked ? BLOCKED_REASON : "" }),
    ...(v.autoLogoffMinutes !== undefined && { autoLogoffMinutes: v.autoLogoffMinutes }),
    ...(v.graceMinutes !== undefined && { graceMinutes: v.graceMinutes }),
  });
  for (const op of plan.machines) {
    if (op.op === "create") {
      // Fab-O-Matic boards mostly run without MQTT credentials: the first board heard on the machine is paired.
      const [row] = await tx
        .insert(machines)
        .values({ ...columns(op.values), name: op.values.name, equipmentTypeId: refs.must("type", op.values.typeKey) })
        .returning({ id: machines.id });
      await openPairingWindow(tx, row!.id, { actorId, audit: false });
      refs.set("machine", op.sourceId, row!.id);
      created.push(row!.id);
      links.add({ kind: "machine", sourceId: op.sourceId, targetId: row!.id, data: op.data });
    } else if (op.op === "update") {
      await tx
        .update(machines)
        .set({ ...columns(op.values), updatedAt: plan.now })
        .where(eq(machines.id, op.targetId));
      links.add({ kind: "machine", sourceId: op.sourceId, targetId: op.targetId, data: op.data });
    }
  }
  return created;
}

export async function applyPeople({ tx, plan, refs, links, defaultLanguage }: ApplyContext): Promise<number[]> {
  if (plan.ensureSuspendedStatus) {
    const [{ max } = { max: 0 }] = await tx.select({ max: sql<number>`coalesce(max(${membershipStatuses.sortOrder}), 0)::int` }).from(membershipStatuses);
    await tx
      .insert(membershipStatuses)
      .values({ ...SUSPENDED_STATUS, sortOrder: max + 10 })
      .onConflictDoNothing();
    await syncViewRights(tx);
  }
  const statuses = new Map((await tx.select().from(membershipStatuses)).map((s) => [s.key, s]));
  const roleIds = new Map((await tx.select({ id: roles.id, key: roles.key }).from(roles)).map((r) => [r.key, r.id]));
  const status = (key: string) => {
    const s = statuses.get(key);
    if (!s) throw new Error(`The membership status "${key}" is missing`);
    return s;
  };
  const creates = plan.people.flatMap((op) => (op.op === "create" ? [op] : []));
  const created: number[] = [];
  for (const chunk of chunks(creates, 500)) {
    const ids = await reserveIds(tx, "people", chunk.length);
    const numbered = (v: PersonValues) => ["member"].includes(v.statusKey);
    await tx.insert(people).values(
      chunk.map((op, i) => ({
        id: ids[i]!,
        statusId: status(op.values.statusKey).id,
        memberNumber: numbered(op.values) ? sql`nextval('member_number_seq')` : null,
        joinedOn: op.values.joinedOn,
        createdAt: plan.now,
        updatedAt: plan.now,
      })),
    );
    await tx.insert(profiles).values(
      chunk.map((op, i) => ({
        personId: ids[i]!,
        firstName: op.values.firstName,
        lastName: op.values.lastName,
        email: op.values.email,
        preferredLanguage: defaultLanguage,
      })),
    );
    const withCard = chunk.flatMap((op, i) => (op.values.cardUid ? [{ uid: op.values.cardUid, personId: ids[i]!, issuedAt: plan.now }] : []));
    if (withCard.length) await tx.insert(cards).values(withCard);
    const withRole = chunk.flatMap((op, i) => (op.values.roleKey ? [{ personId: ids[i]!, roleId: roleIds.get(op.values.roleKey)! }] : []));
    if (withRole.length) await tx.insert(personRoles).values(withRole).onConflictDoNothing();
    chunk.forEach((op, i) => {
      refs.set("user", op.sourceId, ids[i]!);
      links.add({ kind: "user", sourceId: op.sourceId, targetId: ids[i]!, data: op.data });
    });
    created.push(...ids);
  }
  for (const op of plan.people) {
    if (op.op !== "update") continue;
    const v = op.values;
    const personId = op.targetId;
    if (v.statusKey !== undefined) {
      const s = status(v.statusKey);
      await tx
        .update(people)
        .set({
          statusId: s.id,
          updatedAt: plan.now,
          ...(v.statusKey === "member" && { memberNumber: sql`coalesce(${people.memberNumber}, nextval('member_number_seq'))` }),
        })
        .where(eq(people.id, personId));
    }
    const profile = {
      ...(v.firstName !== undefined && { firstName: v.firstName }),
      ...(v.lastName !== undefined && { lastName: v.lastName }),
      ...(v.email !== undefined && { email: v.email }),
    };
    if (Object.keys(profile).length)
      await tx
        .update(profiles)
        .set({ ...profile, updatedAt: plan.now })
        .where(eq(profiles.personId, personId));
    if (v.cardUid !== undefined) {
      if (v.previousCardUid) {
        await tx
          .update(cards)
          .set({ state: "revoked", endedAt: plan.now, endedReason: "Changed in Fab-O-Matic" })
          .where(and(eq(cards.personId, personId), eq(cards.uid, v.previousCardUid), eq(cards.state, "active")));
      }
      if (v.cardUid) await tx.insert(cards).values({ uid: v.cardUid, personId, issuedAt: plan.now });
    }
    if (v.roleKey !== undefined) {
      if (v.previousRoleKey)
        await tx.delete(personRoles).where(and(eq(personRoles.personId, personId), eq(personRoles.roleId, roleIds.get(v.previousRoleKey)!)));
      if (v.roleKey)
        await tx
          .insert(personRoles)
          .values({ personId, roleId: roleIds.get(v.roleKey)! })
          .onConflictDoNothing();
    }
    links.add({ kind: "user", sourceId: op.sourceId, targetId: personId, data: op.data });
  }
  return created;
}

export async function applyAuthorizations({ tx, plan, refs, links, actorId }: ApplyContext): Promise<void> {
  const grants = plan.grants.flatMap((op) => (op.op === "create" ? [op] : []));
  const typeIds = [...new Set(grants.map((g) => refs.must("type", g.values.typeKey)))];
  const validity = new Map<number, number | null>();
  for (const chunk of chunks(typeIds)) {
    for (const t of await tx
      .select({ id: equipmentTypes.id, months: equipmentTypes.validityMonths })
      .from(equipmentTypes)
      .where(inArray(equipmentTypes.id, chunk)))
      validity.set(t.id, t.months);
  }
  for (const chunk of chunks(grants, 1000)) {
    const ids = await reserveIds(tx, "equipment_authorizations", chunk.length);
    await tx.insert(equipmentAuthorizations).values(
      chunk.map((op, i) => {
        const typeId = refs.must("type", op.values.typeKey);
        const months = validity.get(typeId);
        return {
          id: ids[i]!,
          personId: refs.must("user", op.values.userId),
          equipmentTypeId: typeId,
          level: op.values.level,
          source: "grant" as const,
          reason: "From Fab-O-Matic",
          grantedAt: plan.now,
          grantedById: actorId,
          expiresAt: months ? addMonths(plan.now, months) : null,
        };
      }),
    );
    chunk.forEach((op, i) => links.add({ kind: "authorization", sourceId: op.sourceId, targetId: ids[i]!, data: op.data }));
  }
  const revoke = plan.revokes.flatMap((r) => (r.targetId === null ? [] : [r.targetId]));
  for (const chunk of chunks(revoke)) {
    await tx
      .update(equipmentAuthorizations)
      .set({ revokedAt: plan.now, revokedById: actorId, revokedReason: "No longer in Fab-O-Matic" })
      .where(and(inArray(equipmentAuthorizations.id, chunk), isNull(equipmentAuthorizations.revokedAt)));
  }
}
