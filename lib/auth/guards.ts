import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { loginUrlFor } from "@/lib/web/safe-next";
import type { Permission } from "@/lib/domain/access/permissions";
import { getCurrentUser, type CurrentUser } from "./current-user";

/** For pages: the logged-in person, or a redirect to the login page that comes back here afterwards. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(loginUrlFor((await headers()).get("x-ms-path")));
  return user;
}

/** For pages: logged-in users without the permission get the 403 page (app/forbidden.tsx), others go to login. */
export async function requirePermission(permission: Permission): Promise<CurrentUser> {
  const user = await requireUser();
  if (!user.permissions.has(permission)) forbidden();
  return user;
}

/** For server actions, which answer with a value instead of a page. */
export async function userWithPermission(permission: Permission): Promise<CurrentUser | null> {
  const user = await getCurrentUser();
  return user?.permissions.has(permission) ? user : null;
}
