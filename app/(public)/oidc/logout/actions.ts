"use server";

import { redirect } from "next/navigation";
import { signOut } from "@/lib/auth/config";
import { getCurrentUser } from "@/lib/auth/current-user";
import { endAllSessions } from "@/lib/domain/auth/sessions";
import { checkLogoutRequest, revokeClientTokens } from "@/lib/domain/oidc/logout";
import { oidcIssuer } from "@/lib/oidc/authorization";
import { getDb } from "@/lib/web/db";

/**
 * The person confirmed logging out after another service asked: the space's sessions end (like the header's log
 * out), that service's tokens are revoked, and they return to its registered post-logout address, if any.
 */
export async function confirmLogoutAction(formData: FormData): Promise<void> {
  const db = getDb();
  const request = await checkLogoutRequest(db, new URLSearchParams(String(formData.get("query") ?? "")), await oidcIssuer(db));
  const user = await getCurrentUser();
  if (user) {
    await endAllSessions(db, user.personId);
    if (request.client) await revokeClientTokens(db, user.personId, request.client.id);
  }
  await signOut({ redirect: false });
  redirect(request.redirect ?? "/");
}
