import { changedFields, type GrantValues, type ImportPlan, type MachineValues, type Op, type PlanContext, type TypeValues } from "./plan-types";
import { groupMachines, mapRole, placeholderUserId, type TypeGroup } from "./mapping";
import type { FabSource } from "./source";
import { linkOf } from "./target-state";

/** Equipment types (one per Fab-O-Matic type, or per machine where authorizations differ) and machines. */
export function planEquipment(ctx: PlanContext, source: FabSource, plan: ImportPlan): Map<number, TypeGroup> {
  const { byMachine, groups } = groupMachines(source);
  for (const g of groups.filter((g) => g.split)) ctx.report.note("type", g.key, g.name, "type_split", { type: g.fabTypeName ?? "" });
  const takenNames = new Map(ctx.state.typeNames);
  for (const group of groups) {
    const op = planType(ctx, group, takenNames);
    if (op) plan.types.push(op);
  }
  for (const machine of source.machines) {
    const label = `${machine.name} (#${machine.id})`;
    const group = byMachine.get(machine.id)!;
    if (!ctx.present.types.has(group.key)) {
      ctx.report.skip("machine", machine.id, label, "removed_here");
      continue;
    }
    const type = source.machineTypes.find((t) => t.id === machine.typeId);
    const wanted: MachineValues = {
      name: machine.name.trim() || `Machine ${machine.id}`,
      typeKey: group.key,
      boardId: machine.id,
      blocked: machine.blocked,
      autoLogoffMinutes: Math.max(0, type?.timeoutMinutes ?? 0),
      graceMinutes: Math.max(0, type?.graceMinutes ?? 2),
    };
    if (machine.id < 0 || machine.id > 999_999) {
      ctx.report.skip("machine", machine.id, label, "board_id_out_of_range");
      continue;
    }
    const link = linkOf(ctx.state, "machine", machine.id);
    const mine = link?.targetId ?? null;
    const owner = ctx.state.boardIdOwner.get(machine.id);
    const boardIdFree = owner === undefined || owner === mine;
    if (!link) {
      const values = { ...wanted, boardId: boardIdFree ? machine.id : null };
      if (!boardIdFree) ctx.report.conflict("machine", machine.id, label, "board_id_taken", { boardId: machine.id });
      plan.machines.push({ op: "create", sourceId: String(machine.id), values, data: values });
      ctx.report.count("machine", "created");
      ctx.present.machines.add(String(machine.id));
      continue;
    }
    if (mine === null || !ctx.state.alive.machines.has(mine)) {
      ctx.report.skip("machine", machine.id, label, "removed_here");
      continue;
    }
    ctx.present.machines.add(String(machine.id));
    const previous = link.data as MachineValues;
    const fields = changedFields(previous, wanted);
    const values: Partial<MachineValues> = {};
    for (const f of fields) Object.assign(values, { [f]: wanted[f] });
    if (fields.includes("boardId") && !boardIdFree) {
      delete values.boardId;
      ctx.report.conflict("machine", machine.id, label, "board_id_taken", { boardId: machine.id });
    }
    const applied = Object.keys(values) as (keyof MachineValues)[];
    if (applied.length === 0) {
      if (fields.length === 0) ctx.report.count("machine", "unchanged");
      continue;
    }
    plan.machines.push({ op: "update", sourceId: String(machine.id), targetId: mine, values, data: { ...previous, ...values } });
    ctx.report.updated("machine", machine.id, label, applied);
  }
  return byMachine;
}

function planType(ctx: PlanContext, group: TypeGroup, takenNames: Map<string, number>): Op<TypeValues> | null {
  const wanted: TypeValues = {
    name: group.name,
    boardKind: group.boardKind,
    noAuthorizationNeeded: group.noAuthorizationNeeded,
    description: group.fabTypeName ? `Fab-O-Matic machine type ${group.fabTypeName}` : "From Fab-O-Matic",
  };
  const link = linkOf(ctx.state, "type", group.key);
  if (link && (link.targetId === null || !ctx.state.alive.types.has(link.targetId))) {
    ctx.report.skip("type", group.key, group.name, "removed_here");
    return null;
  }
  ctx.present.types.add(group.key);
  const unique = (name: string, self: number | null) => {
    const owner = takenNames.get(name.toLowerCase());
    return owner === undefined || owner === self;
  };
  if (!link) {
    let name = wanted.name;
    for (let n = 1; !unique(name, null); n++) name = n === 1 ? `${wanted.name} (Fab-O-Matic)` : `${wanted.name} (Fab-O-Matic ${n})`;
    if (name !== wanted.name) ctx.report.note("type", group.key, wanted.name, "type_renamed", { name });
    takenNames.set(name.toLowerCase(), -1);
    ctx.report.count("type", "created");
    // The link keeps the wanted name, so a renamed type is not "changed" by the next import of the same file.
    return { op: "create", sourceId: group.key, values: { ...wanted, name }, data: wanted };
  }
  const previous = link.data as TypeValues;
  const fields = changedFields(previous, wanted);
  if (fields.length === 0) {
    ctx.report.count("type", "unchanged");
    return null;
  }
  const values: Partial<TypeValues> = {};
  for (const f of fields) Object.assign(values, { [f]: wanted[f] });
  if (values.name !== undefined && !unique(values.name, link.targetId)) values.name = `${values.name} (Fab-O-Matic)`;
  if (values.name !== undefined && !unique(values.name, link.targetId)) delete values.name;
  if (values.name !== undefined) takenNames.set(values.name.toLowerCase(), link.targetId!);
  ctx.report.updated("type", group.key, group.name, Object.keys(values));
  return { op: "update", sourceId: group.key, targetId: link.targetId!, values, data: wanted };
}

/**
 * The authorizations the file implies: each Fab-O-Matic authorization as "user" of its machine's equipment type,
 * and "authorize all" without backend admin as owner of every imported type. Compared with the ones earlier
 * imports granted: new ones are granted, ones the file no longer has are revoked.
 */
export function planAuthorizations(ctx: PlanContext, source: FabSource, byMachine: Map<number, TypeGroup>, plan: ImportPlan): void {
  const placeholder = placeholderUserId(source);
  const wanted = new Map<string, GrantValues>();
  const add = (userId: number, typeKey: string, level: GrantValues["level"]) => {
    if (userId === placeholder || !ctx.present.users.has(String(userId)) || !ctx.present.types.has(typeKey)) return;
    wanted.set(`${userId}|${typeKey}|${level}`, { userId: String(userId), typeKey, level });
  };
  for (const a of source.authorizations) {
    const group = byMachine.get(a.machineId);
    if (group) add(a.userId, group.key, "user");
  }
  const roles = new Map(source.roles.map((r) => [r.id, r]));
  const allTypes = [...new Set([...byMachine.values()].map((g) => g.key))];
  for (const user of source.users) {
    if (!mapRole(roles.get(user.roleId)).ownerEverywhere) continue;
    for (const key of allTypes) {
      add(user.id, key, "user");
      add(user.id, key, "owner");
    }
  }
  const linked = ctx.state.links.get("authorization") ?? new Map();
  for (const [key, values] of wanted) {
    if (linked.has(key)) ctx.report.count("authorization", "unchanged");
    else {
      plan.grants.push({ op: "create", sourceId: key, values, data: {} });
      ctx.report.count("authorization", "created");
    }
  }
  for (const [key, link] of linked) {
    if (wanted.has(key)) continue;
    plan.revokes.push({ sourceId: key, targetId: link.targetId });
    ctx.report.count("authorization", "removed");
  }
}
