import type { Db } from "@/lib/db/client";
import type { Permission } from "../access/permissions";
import { getSpaceSettings } from "../settings/space-settings";

export interface DashboardViewer {
  permissions: ReadonlySet<Permission>;
}

/**
 * Who may watch the dashboard (everyone when the space made it public, else logged-in people) and who may see
 * names at the machines at all (members.read or machines.operate; others read "in use"). Each name then still
 * follows its person's visibility for the viewer (dashboard.ts: dashboardShownTo).
 */
export function dashboardAccess(viewer: DashboardViewer | null, isPublic: boolean): { allowed: boolean; showNames: boolean } {
  const showNames = !!viewer && (viewer.permissions.has("members.read") || viewer.permissions.has("machines.operate"));
  return { allowed: isPublic || viewer !== null, showNames };
}

/** The same decision with the admin's current choice (space setting machinesDashboardPublic). */
export async function dashboardAccessIn(db: Db, viewer: DashboardViewer | null): Promise<{ allowed: boolean; showNames: boolean }> {
  const settings = await getSpaceSettings(db);
  return dashboardAccess(viewer, settings.machinesDashboardPublic);
}

/** The usage list across people (and its exports) holds who used what: the same people who see names. */
export function mayViewUsage(viewer: DashboardViewer | null): boolean {
  return !!viewer && (viewer.permissions.has("members.read") || viewer.permissions.has("machines.operate"));
}
