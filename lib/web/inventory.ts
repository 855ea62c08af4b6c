import { forbidden } from "next/navigation";
import { requireUser } from "@/lib/auth/guards";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { mayViewInventoryIn } from "@/lib/domain/inventory/access";
import { getDb } from "./db";
import { getLogger } from "./logger";

/** The admin's choice comes from the space settings; with those unreadable only inventory managers get in. */
export async function canViewInventory(user: CurrentUser | null): Promise<boolean> {
  if (!user) return false;
  try {
    return await mayViewInventoryIn(getDb(), user.permissions);
  } catch (error) {
    getLogger().warn({ err: error }, "inventory access: settings unavailable");
    return user.permissions.has("inventory.write");
  }
}

/** For pages: inventory managers, and members when the admin allows; others get the 403 page. */
export async function requireInventoryViewer(): Promise<CurrentUser & { canEdit: boolean }> {
  const user = await requireUser();
  if (!(await canViewInventory(user))) forbidden();
  return { ...user, canEdit: user.permissions.has("inventory.write") };
}

/** For route handlers: the viewer, or null (the handler answers 403/401). */
export async function inventoryViewerOrNull(): Promise<CurrentUser | null> {
  const user = await getCurrentUser();
  return (await canViewInventory(user)) ? user : null;
}
