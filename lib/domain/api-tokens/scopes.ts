import type { Permission } from "../access/permissions";

/**
 * What a token may be used for. A scope never grants anything by itself: it lets a token use, of its owner's
 * CURRENT permissions, those listed in `uses`. `needs`: the scope is only in effect while the owner holds at least
 * one of these (empty: every person who may log in). So a token's rights = its scopes ∩ its owner's rights, read
 * afresh on every request.
 */
export const SCOPES = {
  "read:people": { uses: ["directory.read", "members.read"], needs: ["directory.read", "members.read"] },
  "read:machines": { uses: ["members.read", "machines.operate", "equipment.manage"], needs: [] },
  "read:usage": { uses: ["members.read", "machines.operate"], needs: [] },
  "read:equipment": { uses: ["equipment.manage"], needs: [] },
  "read:events": { uses: ["calendar.write", "directory.read"], needs: [] },
  "read:inventory": { uses: ["inventory.write", "directory.read"], needs: ["inventory.write", "directory.read"] },
  "read:open-status": { uses: [], needs: [] },
  "write:open-status": { uses: ["space.open"], needs: ["space.open"] },
} as const satisfies Record<string, { uses: readonly Permission[]; needs: readonly Permission[] }>;

export type Scope = keyof typeof SCOPES;
export const ALL_SCOPES = Object.keys(SCOPES) as Scope[];

export function isScope(value: string): value is Scope {
  return Object.hasOwn(SCOPES, value);
}

/** Whether a holder of these permissions can use this scope at all. */
export function scopeAvailable(scope: Scope, held: ReadonlySet<Permission>): boolean {
  const needs: readonly Permission[] = SCOPES[scope].needs;
  return needs.length === 0 || needs.some((p) => held.has(p));
}

/** The scopes of a token that are in effect for an owner holding `held` right now. */
export function effectiveScopes(scopes: readonly string[], held: ReadonlySet<Permission>): Scope[] {
  return scopes.filter(isScope).filter((s) => scopeAvailable(s, held));
}

/**
 * The permissions a request made under `scope` acts with: those of the owner that the scope lets the token use.
 * Endpoints hand this set to the same domain functions the pages call, as the viewer's permissions.
 */
export function permissionsUnder(scope: Scope, held: ReadonlySet<Permission>): Set<Permission> {
  if (!scopeAvailable(scope, held)) return new Set();
  const uses: readonly Permission[] = SCOPES[scope].uses;
  return new Set(uses.filter((p) => held.has(p)));
}
