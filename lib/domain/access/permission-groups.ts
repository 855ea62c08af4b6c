import { ALL_PERMISSIONS, type Permission } from "./permissions";

/** How the roles page groups the permissions the code defines; every permission is in exactly one group. */
export const PERMISSION_GROUPS = {
  people: ["directory.read", "members.read", "members.write"],
  machines: ["equipment.manage", "machines.operate", "training.run"],
  space: ["calendar.write", "inventory.write", "space.open", "news.write", "polls.create"],
  system: ["audit.read", "system.admin"],
} as const satisfies Record<string, readonly Permission[]>;

export type PermissionGroup = keyof typeof PERMISSION_GROUPS;

/** A permission the groups forgot still shows up (in the last group), so the page can never hide one. */
export function groupedPermissions(): { group: PermissionGroup; permissions: Permission[] }[] {
  const listed = new Set<Permission>(Object.values(PERMISSION_GROUPS).flat());
  const rest = ALL_PERMISSIONS.filter((p) => !listed.has(p));
  const groups = Object.entries(PERMISSION_GROUPS).map(([group, permissions]) => ({
    group: group as PermissionGroup,
    permissions: [...permissions] as Permission[],
  }));
  groups.at(-1)!.permissions.push(...rest);
  return groups;
}
