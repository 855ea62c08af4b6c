import { and, eq, isNull } from "drizzle-orm";
import { compactVerify, createLocalJWKSet, type JSONWebKeySet } from "jose";
import type { Db } from "@/lib/db/client";
import { oidcTokens, type OidcClient } from "@/lib/db/schema";
import { endAllSessions } from "../auth/sessions";
import { clientByClientId } from "./clients";
import { publicKeySet } from "./signing-keys";

/** A checked RP-initiated logout request: the client it came from (if it could be told) and where to return. */
export interface LogoutRequest {
  client: OidcClient | null;
  /** A registered post-logout address (with the client's state), or null: the person stays on the space's page. */
  redirect: string | null;
}

/** The audience of an ID token we signed (expired ones too: a logout often comes long after login), else null. */
async function hintedClientId(db: Db, hint: string | null, issuer: string): Promise<string | null> {
  if (!hint || hint.length > 8000) return null;
  try {
    const { payload } = await compactVerify(hint, createLocalJWKSet((await publicKeySet(db)) as JSONWebKeySet));
    const claims = JSON.parse(new TextDecoder().decode(payload)) as { iss?: unknown; aud?: unknown };
    return claims.iss === issuer && typeof claims.aud === "string" ? claims.aud : null;
  } catch {
    return null;
  }
}

/**
 * OpenID Connect RP-Initiated Logout 1.0: which client asks (client_id and/or a verified id_token_hint, which must
 * agree) and whether its post_logout_redirect_uri is one registered for it, exactly. Anything else is no redirect.
 */
export async function checkLogoutRequest(db: Db, params: URLSearchParams, issuer: string): Promise<LogoutRequest> {
  const hinted = await hintedClientId(db, params.get("id_token_hint"), issuer);
  const named = params.get("client_id");
  if (hinted && named && hinted !== named) return { client: null, redirect: null };
  const client = await clientByClientId(db, hinted ?? named ?? "");
  const uri = params.get("post_logout_redirect_uri");
  if (!client || !uri || !client.postLogoutRedirectUris.includes(uri)) return { client, redirect: null };
  const url = new URL(uri);
  const state = params.get("state");
  if (state && state.length <= 2000) url.searchParams.set("state", state);
  return { client, redirect: url.href };
}

/** Logging out of a service through the space ends that service's tokens for the person too. */
export async function revokeClientTokens(db: Db, personId: number, clientId: number, now = new Date()): Promise<void> {
  await db
    .update(oidcTokens)
    .set({ revokedAt: now })
    .where(and(eq(oidcTokens.personId, personId), eq(oidcTokens.clientId, clientId), isNull(oidcTokens.revokedAt)));
}

/**
 * The person confirmed a service's logout request (the end-session page's button): the space's sessions end (like
 * the header's log out, which also tells the back-channel services), the asking service's tokens are revoked, and
 * the answer is where to send the browser — the checked post-logout address, or the start page. The caller then
 * clears the browser's own session cookie. Nobody logged in: only where to go.
 */
export async function confirmLogout(db: Db, personId: number | null, params: URLSearchParams, issuer: string): Promise<{ redirect: string }> {
  const request = await checkLogoutRequest(db, params, issuer);
  if (personId !== null) {
    await endAllSessions(db, personId);
    if (request.client) await revokeClientTokens(db, personId, request.client.id);
  }
  return { redirect: request.redirect ?? "/" };
}
