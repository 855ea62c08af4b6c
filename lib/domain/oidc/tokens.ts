import { createHash } from "node:crypto";
import { and, eq, isNull, lt, ne, or } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { oidcClients, oidcCodes, oidcConsents, oidcLogoutDeliveries, oidcTokens, type OidcClient } from "@/lib/db/schema";
import { claimsFor, type Claims } from "./claims";
import { clientRefusal } from "./person-access";
import { newToken, tokenHash } from "../shared/one-time-token";
import { signIdToken } from "./signing-keys";

export const ACCESS_TOKEN_TTL_S = 3600;
export const ID_TOKEN_TTL_S = 3600;
export const REFRESH_TOKEN_TTL_S = 30 * 86_400;

export interface TokenResponse {
  access_token: string;
  token_type: "Bearer";
  expires_in: number;
  id_token: string;
  scope: string;
  refresh_token?: string;
}
/** A token endpoint refusal (RFC 6749 §5.2). */
export type TokenError = { error: "invalid_grant" | "invalid_request" | "invalid_scope"; error_description: string };
const grantError = (error_description: string): TokenError => ({ error: "invalid_grant", error_description });

interface Grant {
  client: OidcClient;
  personId: number;
  scopes: string[];
  grantId: number;
  authTime: Date;
  nonce: string | null;
}

async function consentFields(db: Db, personId: number, clientId: number): Promise<string[] | null> {
  const [c] = await db
    .select({ fields: oidcConsents.fields })
    .from(oidcConsents)
    .where(and(eq(oidcConsents.personId, personId), eq(oidcConsents.clientId, clientId)));
  return c?.fields ?? null;
}

async function issueTokens(db: Db, g: Grant, fields: string[], issuer: string, now: Date): Promise<TokenResponse> {
  const access = newToken();
  const common = { clientId: g.client.id, personId: g.personId, scopes: g.scopes, grantId: g.grantId, authTime: g.authTime };
  await db
    .insert(oidcTokens)
    .values({ ...common, kind: "access", tokenHash: tokenHash(access), expiresAt: new Date(now.getTime() + ACCESS_TOKEN_TTL_S * 1000), createdAt: now });
  let refresh: string | undefined;
  if (g.client.refreshTokens) {
    refresh = newToken();
    await db
      .insert(oidcTokens)
      .values({ ...common, kind: "refresh", tokenHash: tokenHash(refresh), expiresAt: new Date(now.getTime() + REFRESH_TOKEN_TTL_S * 1000), createdAt: now });
  }
  const iat = Math.floor(now.getTime() / 1000);
  const claims = await claimsFor(db, g.personId, g.scopes, fields, now);
  const idToken = await signIdToken(db, {
    ...claims,
    iss: issuer,
    aud: g.client.clientId,
    azp: g.client.clientId,
    iat,
    exp: iat + ID_TOKEN_TTL_S,
    auth_time: Math.floor(g.authTime.getTime() / 1000),
    // at_hash (OIDC Core §3.3.2.11): the left half of the access token's SHA-256, base64url.
    at_hash: createHash("sha256").update(access).digest().subarray(0, 16).toString("base64url"),
    ...(g.nonce ? { nonce: g.nonce } : {}),
  });
  return {
    access_token: access,
    token_type: "Bearer",
    expires_in: ACCESS_TOKEN_TTL_S,
    id_token: idToken,
    scope: g.scopes.join(" "),
    ...(refresh ? { refresh_token: refresh } : {}),
  };
}

/** Ends a token family: a code or refresh token presented twice means someone else may hold it (RFC 6749 §4.1.2, §10.4). */
async function revokeFamily(db: Db, grantId: number, now: Date) {
  await db
    .update(oidcTokens)
    .set({ revokedAt: now })
    .where(and(eq(oidcTokens.grantId, grantId), isNull(oidcTokens.revokedAt)));
}

/** PKCE S256 (RFC 7636 §4.6): BASE64URL(SHA256(verifier)) must equal the challenge sent to the authorization endpoint. */
function verifierMatches(verifier: string | null, challenge: string): boolean {
  if (!verifier || !/^[A-Za-z0-9._~-]{43,128}$/.test(verifier)) return false;
  return createHash("sha256").update(verifier).digest("base64url") === challenge;
}

/**
 * grant_type=authorization_code for an authenticated client. The code is used up by the first attempt whatever
 * its outcome (a second use also revokes what the first one got); it must be the client's, unexpired, sent back
 * with the same redirect_uri, with the PKCE verifier when a challenge was sent, and its person must still be
 * allowed to log in there.
 */
export async function exchangeCode(
  db: Db,
  client: OidcClient,
  p: { code: string; redirectUri: string | null; codeVerifier: string | null },
  issuer: string,
  now = new Date(),
): Promise<TokenResponse | TokenError> {
  if (!p.code) return { error: "invalid_request", error_description: "code is required" };
  const hash = tokenHash(p.code);
  const [found] = await db.select().from(oidcCodes).where(eq(oidcCodes.codeHash, hash));
  // Another client's code is not touched: it stays usable by its own client.
  if (!found || found.clientId !== client.id) return grantError("unknown code");
  const [code] = await db
    .update(oidcCodes)
    .set({ usedAt: now })
    .where(and(eq(oidcCodes.id, found.id), isNull(oidcCodes.usedAt)))
    .returning();
  if (!code) {
    await revokeFamily(db, found.id, now);
    return grantError("code already used");
  }
  if (code.expiresAt <= now) return grantError("code expired");
  if (p.redirectUri !== code.redirectUri) return grantError("redirect_uri differs from the authorization request");
  if (code.codeChallenge) {
    if (!verifierMatches(p.codeVerifier, code.codeChallenge)) return grantError("PKCE verification failed");
  } else if (p.codeVerifier) {
    return grantError("code_verifier sent but no code_challenge was");
  }
  if (await clientRefusal(db, client, code.personId, now)) return grantError("this person may not log in here");
  const fields = await consentFields(db, code.personId, client.id);
  if (!fields) return grantError("consent withdrawn");
  return issueTokens(
    db,
    { client, personId: code.personId, scopes: code.scopes, grantId: code.id, authTime: code.authTime, nonce: code.nonce },
    fields,
    issuer,
    now,
  );
}

/**
 * grant_type=refresh_token: a refresh token works once and is replaced by a new one (rotation); presented again it
 * revokes its family. The person must still be allowed in and their consent still stand. Scope can only shrink.
 */
export async function refreshTokens(
  db: Db,
  client: OidcClient,
  p: { refreshToken: string; scope: string | null },
  issuer: string,
  now = new Date(),
): Promise<TokenResponse | TokenError> {
  if (!p.refreshToken) return { error: "invalid_request", error_description: "refresh_token is required" };
  const [found] = await db
    .select()
    .from(oidcTokens)
    .where(and(eq(oidcTokens.tokenHash, tokenHash(p.refreshToken)), eq(oidcTokens.kind, "refresh")));
  if (!found || found.clientId !== client.id) return grantError("unknown refresh token");
  if (found.revokedAt) return grantError("refresh token revoked");
  const [token] = await db
    .update(oidcTokens)
    .set({ usedAt: now })
    .where(and(eq(oidcTokens.id, found.id), isNull(oidcTokens.usedAt)))
    .returning();
  if (!token) {
    await revokeFamily(db, found.grantId, now);
    return grantError("refresh token already used");
  }
  if (token.expiresAt <= now) return grantError("refresh token expired");
  if (!client.refreshTokens) return grantError("refresh tokens are switched off for this client");
  let scopes = token.scopes.filter((s) => client.allowedScopes.includes(s));
  if (p.scope) {
    const asked = p.scope.split(" ").filter(Boolean);
    if (asked.some((s) => !token.scopes.includes(s))) return { error: "invalid_scope", error_description: "a refresh cannot widen the scope" };
    scopes = scopes.filter((s) => asked.includes(s));
  }
  if (await clientRefusal(db, client, token.personId, now)) {
    await revokeFamily(db, token.grantId, now);
    return grantError("this person may not log in here");
  }
  const fields = await consentFields(db, token.personId, client.id);
  if (!fields) return grantError("consent withdrawn");
  return issueTokens(db, { client, personId: token.personId, scopes, grantId: token.grantId, authTime: token.authTime, nonce: null }, fields, issuer, now);
}

/** The userinfo answer for a bearer token, or null when the token is unknown, expired, revoked or its person may not log in there (any more). */
export async function userinfo(db: Db, accessToken: string, now = new Date()): Promise<Claims | null> {
  if (!accessToken || accessToken.length > 200) return null;
  const [row] = await db
    .select({ t: oidcTokens, client: oidcClients })
    .from(oidcTokens)
    .innerJoin(oidcClients, eq(oidcClients.id, oidcTokens.clientId))
    .where(and(eq(oidcTokens.tokenHash, tokenHash(accessToken)), eq(oidcTokens.kind, "access")));
  if (!row || row.t.revokedAt || row.t.expiresAt <= now || !row.client.active) return null;
  if (await clientRefusal(db, row.client, row.t.personId, now)) return null;
  const fields = await consentFields(db, row.t.personId, row.client.id);
  if (!fields) return null;
  // An admin narrowing the client's scopes narrows what its earlier tokens reveal too.
  return claimsFor(
    db,
    row.t.personId,
    row.t.scopes.filter((s) => row.client.allowedScopes.includes(s)),
    fields,
    now,
  );
}

/** RFC 7009 for one client: its own token stops; a refresh token takes its whole login (grant) with it. Unknown tokens are ignored. */
export async function revokeToken(db: Db, clientId: number, token: string, now = new Date()): Promise<void> {
  if (token.length > 200) return;
  const [found] = await db
    .select()
    .from(oidcTokens)
    .where(eq(oidcTokens.tokenHash, tokenHash(token)));
  if (!found || found.clientId !== clientId) return;
  if (found.kind === "refresh") await revokeFamily(db, found.grantId, now);
  else
    await db
      .update(oidcTokens)
      .set({ revokedAt: now })
      .where(and(eq(oidcTokens.id, found.id), isNull(oidcTokens.revokedAt)));
}

/** What RFC 7662 says about a token: active, and if so for whom, what and until when. */
export type Introspection =
  | { active: false }
  | {
      active: true;
      scope: string;
      client_id: string;
      sub: string;
      token_type: "Bearer" | "refresh_token";
      exp: number;
      iat: number;
      auth_time: number;
      iss: string;
    };

/**
 * Token introspection (RFC 7662) for the client the token was issued to (a service checks whether its token still
 * stands): active only while unexpired, unrevoked, unused (a refresh token), the client switched on, the person
 * still allowed in there and their consent standing — the same checks as userinfo, so "active" never outlives them.
 * Another client's token reads as inactive: nothing is told about it.
 */
export async function introspectToken(db: Db, client: OidcClient, token: string, issuer: string, now = new Date()): Promise<Introspection> {
  const inactive = { active: false } as const;
  if (!token || token.length > 200) return inactive;
  const [t] = await db
    .select()
    .from(oidcTokens)
    .where(eq(oidcTokens.tokenHash, tokenHash(token)));
  if (!t || t.clientId !== client.id || !client.active || t.revokedAt || t.expiresAt <= now || (t.kind === "refresh" && t.usedAt)) return inactive;
  if (await clientRefusal(db, client, t.personId, now)) return inactive;
  if (!(await consentFields(db, t.personId, client.id))) return inactive;
  const seconds = (d: Date) => Math.floor(d.getTime() / 1000);
  return {
    active: true,
    scope: t.scopes.filter((s) => client.allowedScopes.includes(s)).join(" "),
    client_id: client.clientId,
    sub: String(t.personId),
    token_type: t.kind === "access" ? "Bearer" : "refresh_token",
    exp: seconds(t.expiresAt),
    iat: seconds(t.createdAt),
    auth_time: seconds(t.authTime),
    iss: issuer,
  };
}

/** Expired codes and tokens go (the daily retention job): they can never be used again anyway. */
export async function pruneOidcGrants(db: Db, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - 86_400_000);
  const codes = await db.delete(oidcCodes).where(lt(oidcCodes.expiresAt, before)).returning({ id: oidcCodes.id });
  const tokens = await db
    .delete(oidcTokens)
    .where(or(lt(oidcTokens.expiresAt, before), lt(oidcTokens.revokedAt, before)))
    .returning({ id: oidcTokens.id });
  // Back-channel logout notices sent or given up: kept a month for questions, then gone.
  const notices = await db
    .delete(oidcLogoutDeliveries)
    .where(and(ne(oidcLogoutDeliveries.status, "pending"), lt(oidcLogoutDeliveries.createdAt, new Date(now.getTime() - 30 * 86_400_000))))
    .returning({ id: oidcLogoutDeliveries.id });
  return codes.length + tokens.length + notices.length;
}
