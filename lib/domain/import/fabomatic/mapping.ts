import { normalizeCardUid } from "../../cards/uid";
import type { FabMachine, FabRole, FabSource, FabUser } from "./source";

/*
 * How Fab-O-Matic's concepts become this system's (docs/fabomatic-mapping.md says the same for people). Pure:
 * the dry run, the import and the tests share these rules.
 */

/** Fab-O-Matic answers a board with level 2 for a role with "authorize all", 1 for everyone else it lets in. */
export interface RoleMapping {
  /** A built-in role the person gets here: admin (board level 3 everywhere) or staff (web only). */
  roleKey: "admin" | "staff" | null;
  /** "Authorize all" without backend admin: owner (board level 2) of every imported equipment type. */
  ownerEverywhere: boolean;
}

export function mapRole(role: FabRole | undefined): RoleMapping {
  if (!role) return { roleKey: null, ownerEverywhere: false };
  if (role.authorizeAll && role.backendAdmin) return { roleKey: "admin", ownerEverywhere: false };
  if (role.authorizeAll) return { roleKey: null, ownerEverywhere: true };
  // A backend admin without "authorize all" administers the web side but was a normal user at the boards:
  // staff here, not admin, which would make every board treat them as administrator (level 3).
  if (role.backendAdmin) return { roleKey: "staff", ownerEverywhere: false };
  return { roleKey: null, ownerEverywhere: false };
}

/** The board level this system gives where Fab-O-Matic gave `fabLevel` to a holder of `role` (1 stays 1). */
export function expectedBoardLevel(fabLevel: number, role: FabRole | undefined): number {
  if (fabLevel < 1) return 0;
  if (fabLevel === 1) return 1;
  return mapRole(role).roleKey === "admin" ? 3 : 2;
}

export type ImportedStatus = "member" | "suspended" | "former";

/** Deleted (a soft delete) → former member; disabled ("may log in, may not use machines") → suspended. */
export function statusKeyOf(user: Pick<FabUser, "disabled" | "deleted">): ImportedStatus {
  if (user.deleted) return "former";
  if (user.disabled) return "suspended";
  return "member";
}

export const SUSPENDED_STATUS = { key: "suspended", name: "Suspended", mayLogIn: true, mayUseMachines: false, inDirectory: false, mayVote: false } as const;

/**
 * Fab-O-Matic keeps one user "Anonymous" (role "Anonymous", no card) and moves purged records onto it. Its uses
 * and interventions come over without a person, like usage the retention purge anonymised here.
 */
export function placeholderUserId(source: Pick<FabSource, "roles" | "users">): number | null {
  const anonymousRoles = new Set(source.roles.filter((r) => r.name.trim().toLowerCase() === "anonymous").map((r) => r.id));
  const candidate = source.users.filter((u) => anonymousRoles.has(u.roleId)).sort((a, b) => a.id - b.id)[0];
  return candidate && !candidate.cardUid ? candidate.id : null;
}

/** The board's `type` (1 3D printer, 2 laser, 3 CNC, 4 resin, 5 other), guessed from the type's name. */
export function boardKindOf(typeName: string): number {
  const name = typeName.toLowerCase();
  if (/3d|print|fdm/.test(name)) return 1;
  if (/laser/.test(name)) return 2;
  if (/cnc|mill|router|fräs|fres/.test(name)) return 3;
  if (/resin|sla\b|dlp/.test(name)) return 4;
  return 5;
}

export interface TypeGroup {
  /** "type:<fab type id>" when the Fab-O-Matic type stays one equipment type, "machine:<id>" when split. */
  key: string;
  name: string;
  boardKind: number;
  noAuthorizationNeeded: boolean;
  /** The Fab-O-Matic type's name, for the description. */
  fabTypeName: string | null;
  /** True when a Fab-O-Matic type was split because its machines have different authorized users. */
  split: boolean;
}

/**
 * Fab-O-Matic authorizes per machine, this system per equipment type. A Fab-O-Matic type whose machines all have
 * the same authorized users stays one equipment type; otherwise each of its machines becomes its own type, so that
 * nobody may use a machine here that Fab-O-Matic refused them. Machines without a type get their own.
 */
export function groupMachines(source: Pick<FabSource, "machineTypes" | "machines" | "authorizations">): {
  byMachine: Map<number, TypeGroup>;
  groups: TypeGroup[];
} {
  const usersOf = new Map<number, Set<number>>();
  for (const a of source.authorizations) {
    if (!usersOf.has(a.machineId)) usersOf.set(a.machineId, new Set());
    usersOf.get(a.machineId)!.add(a.userId);
  }
  const signature = (m: FabMachine) => [...(usersOf.get(m.id) ?? [])].sort((a, b) => a - b).join(",");
  const byMachine = new Map<number, TypeGroup>();
  const groups: TypeGroup[] = [];
  for (const type of source.machineTypes) {
    const members = source.machines.filter((m) => m.typeId === type.id);
    const uniform = new Set(members.map(signature)).size <= 1;
    const common = { boardKind: boardKindOf(type.name), noAuthorizationNeeded: type.noAuthorizationNeeded, fabTypeName: type.name };
    if (uniform) {
      const group = { key: `type:${type.id}`, name: type.name.trim() || `Type ${type.id}`, split: false, ...common };
      groups.push(group);
      for (const m of members) byMachine.set(m.id, group);
      continue;
    }
    for (const m of members) {
      const group = { key: `machine:${m.id}`, name: `${m.name.trim()} (${type.name.trim()})`, split: true, ...common };
      groups.push(group);
      byMachine.set(m.id, group);
    }
  }
  for (const m of source.machines.filter((m) => !byMachine.has(m.id))) {
    const group = {
      key: `machine:${m.id}`,
      name: m.name.trim() || `Machine ${m.id}`,
      boardKind: boardKindOf(m.name),
      noAuthorizationNeeded: false,
      fabTypeName: null,
      split: false,
    };
    groups.push(group);
    byMachine.set(m.id, group);
  }
  return { byMachine, groups };
}

/** Unix seconds (a float) → Date, to the millisecond. */
export const dateOf = (seconds: number): Date => new Date(Math.round(seconds * 1000));

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Lowercased and trimmed; null when empty or not an address (reported, not imported). */
export function normalizeEmail(value: string | null): { email: string | null; invalid: boolean } {
  const email = value?.trim().toLowerCase() ?? "";
  if (!email) return { email: null, invalid: false };
  return EMAIL.test(email) && email.length <= 254 ? { email, invalid: false } : { email: null, invalid: true };
}

export function normalizeUid(value: string | null): { uid: string | null; invalid: boolean } {
  if (!value) return { uid: null, invalid: false };
  const uid = normalizeCardUid(value);
  return { uid, invalid: uid === null };
}
