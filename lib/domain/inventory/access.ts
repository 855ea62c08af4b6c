import type { Db } from "@/lib/db/client";
import type { Permission } from "../access/permissions";
import { getSpaceSettings } from "../settings/space-settings";

export interface InventoryViewSettings {
  /** The admin's choice (space setting inventoryMembersMayView): may members in good standing browse the inventory? */
  membersMayView: boolean;
}

/** Inventory managers always see it; members (directory.read, i.e. in good standing) when the admin allows. */
export function mayViewInventory(permissions: ReadonlySet<Permission>, settings: InventoryViewSettings): boolean {
  return permissions.has("inventory.write") || (settings.membersMayView && permissions.has("directory.read"));
}

/** The same decision with the admin's current choice from the space settings. */
export async function mayViewInventoryIn(db: Db, permissions: ReadonlySet<Permission>): Promise<boolean> {
  if (permissions.has("inventory.write")) return true;
  const settings = await getSpaceSettings(db);
  return mayViewInventory(permissions, { membersMayView: settings.inventoryMembersMayView });
}
