/** Every named permission the system checks. Roles bundle these; the table `permissions` mirrors this list. */
export const PERMISSIONS = {
  "directory.read": "See the member directory",
  "members.read": "See people and their records",
  "members.write": "Create and edit people, cards and memberships",
  "equipment.manage": "Manage equipment types, machines and boards",
  "machines.operate": "Start and stop machines remotely, block them",
  "training.run": "Schedule training sessions and mark attendance",
  "calendar.write": "Create and edit events and rooms",
  "inventory.write": "Edit the inventory",
  "audit.read": "Read the audit log",
  "system.admin": "Change settings, roles and system operations",
  "polls.create": "Create member polls",
  "news.write": "Write and edit news posts",
  "space.open": "Set the space open or closed",
} as const;

export type Permission = keyof typeof PERMISSIONS;

export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

export function isPermission(value: string): value is Permission {
  return Object.hasOwn(PERMISSIONS, value);
}

/** Built-in roles; admins may add more. */
export const BUILTIN_ROLES: Record<string, { name: string; description: string; permissions: Permission[] }> = {
  admin: { name: "Administrator", description: "Everything", permissions: ALL_PERMISSIONS },
  staff: {
    name: "Staff",
    description: "Runs the space day to day",
    permissions: ["directory.read", "members.read", "members.write", "machines.operate", "calendar.write", "polls.create", "news.write", "space.open"],
  },
  trainer: { name: "Trainer", description: "Runs training sessions", permissions: ["directory.read", "training.run"] },
  member: { name: "Member", description: "Every member in good standing", permissions: ["directory.read"] },
};

/** Built-in membership statuses and what each allows; admins edit them later. */
export const BUILTIN_STATUSES = [
  { key: "applicant", name: "Applicant", mayLogIn: true, mayUseMachines: false, inDirectory: false, mayVote: false, roles: [] },
  { key: "member", name: "Member", mayLogIn: true, mayUseMachines: true, inDirectory: true, mayVote: true, roles: ["member"] },
  { key: "supporting", name: "Supporting member", mayLogIn: true, mayUseMachines: false, inDirectory: true, mayVote: false, roles: ["member"] },
  { key: "former", name: "Former member", mayLogIn: false, mayUseMachines: false, inDirectory: false, mayVote: false, roles: [] },
  { key: "banned", name: "Banned", mayLogIn: false, mayUseMachines: false, inDirectory: false, mayVote: false, roles: [] },
] as const;
