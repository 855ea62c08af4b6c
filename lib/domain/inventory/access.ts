import type { Permission } from "../access/permissions";

export interface InventoryViewSettings {
  /** The admin's choice (INVENTORY_MEMBERS_MAY_VIEW): may members in good standing browse the inventory? */
  membersMayView: boolean;
}

/** Inventory managers always see it; members (directory.read, i.e. in good standing) when the admin allows. */
export function mayViewInventory(permissions: ReadonlySet<Permission>, settings: InventoryViewSettings): boolean {
  return permissions.has("inventory.write") || (settings.membersMayView && permissions.has("directory.read"));
}
