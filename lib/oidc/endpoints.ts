import type { Db } from "@/lib/db/client";
import type { OidcClient } from "@/lib/db/schema";
import { clientByClientId } from "@/lib/domain/oidc/clients";
import { tokenMatches } from "@/lib/domain/shared/one-time-token";
import { OIDC_SCOPES } from "@/lib/domain/oidc/scopes";
import { publicKeySet, SIGNING_ALG } from "@/lib/domain/oidc/signing-keys";
import { exchangeCode, introspectToken, refreshTokens, revokeToken, userinfo, type TokenError, type TokenResponse } from "@/lib/domain/oidc/tokens";

/**
 * The OpenID Connect provider's HTTP side, Request in, Response out, in plain Node: the route handlers call these
 * and the tests drive them through a real HTTP server with a real OIDC client library. The issuer is always the
 * space's saved public address (passed in), never the request's Host.
 */

export const OIDC_PATHS = {
  authorize: "/oidc/authorize",
  token: "/oidc/token",
  userinfo: "/oidc/userinfo",
  jwks: "/oidc/jwks",
  logout: "/oidc/logout",
  revoke: "/oidc/revoke",
  introspect: "/oidc/introspect",
} as const;

// Tokens travel in headers, never cookies, so any origin may call these (single-page apps are public clients).
const CORS = { "access-control-allow-origin": "*" };
const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store", pragma: "no-cache", ...CORS, ...headers },
  });

/** OpenID Provider Metadata (OpenID Connect Discovery 1.0 §3). */
export function discoveryDocument(issuer: string) {
  const at = (path: string) => `${issuer}${path}`;
  return {
    issuer,
    authorization_endpoint: at(OIDC_PATHS.authorize),
    token_endpoint: at(OIDC_PATHS.token),
    userinfo_endpoint: at(OIDC_PATHS.userinfo),
    jwks_uri: at(OIDC_PATHS.jwks),
    end_session_endpoint: at(OIDC_PATHS.logout),
    // Back-channel logout 1.0: logout tokens name the person (sub), not a session (our sessions are cookies only).
    backchannel_logout_supported: true,
    backchannel_logout_session_supported: false,
    revocation_endpoint: at(OIDC_PATHS.revoke),
    revocation_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post", "none"],
    introspection_endpoint: at(OIDC_PATHS.introspect),
    introspection_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
    scopes_supported: [...OIDC_SCOPES],
    response_types_supported: ["code"],
    response_modes_supported: ["query"],
    grant_types_supported: ["authorization_code", "refresh_token"],
    subject_types_supported: ["public"],
    id_token_signing_alg_values_supported: [SIGNING_ALG],
    token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post", "none"],
    code_challenge_methods_supported: ["S256"],
    claims_supported: [
      "sub",
      "iss",
      "aud",
      "exp",
      "iat",
      "auth_time",
      "nonce",
      "name",
      "given_name",
      "family_name",
      "locale",
      "email",
      "email_verified",
      "groups",
    ],
    claims_parameter_supported: false,
    request_parameter_supported: false,
    request_uri_parameter_supported: false,
    authorization_response_iss_parameter_supported: true,
  };
}

export function discoveryResponse(issuer: string): Response {
  return new Response(JSON.stringify(discoveryDocument(issuer)), {
    headers: { "content-type": "application/json", "cache-control": "public, max-age=300", ...CORS },
  });
}

export async function jwksResponse(db: Db): Promise<Response> {
  return new Response(JSON.stringify(await publicKeySet(db)), {
    headers: { "content-type": "application/jwk-set+json", "cache-control": "public, max-age=300", ...CORS },
  });
}

/** CORS preflight for the token and userinfo endpoints. */
export function preflightResponse(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS,
      "access-control-allow-methods": "GET, POST",
      "access-control-allow-headers": "authorization, content-type",
      "access-control-max-age": "600",
    },
  });
}

const oauthError = (error: string, description: string, status = 400, headers: Record<string, string> = {}) =>
  json({ error, error_description: description }, status, headers);
const MAX_BODY = 16 * 1024;

async function formBody(request: Request): Promise<URLSearchParams | null> {
  if (!(request.headers.get("content-type") ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded")) return null;
  const text = await request.text();
  return text.length > MAX_BODY ? null : new URLSearchParams(text);
}

/** client_secret_basic: both parts are form-encoded before base64 (RFC 6749 §2.3.1). */
function basicCredentials(header: string | null): { id: string; secret: string } | null | "malformed" {
  if (!header?.toLowerCase().startsWith("basic ")) return null;
  const decoded = Buffer.from(header.slice(6).trim(), "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return "malformed";
  const unform = (s: string) => {
    try {
      return decodeURIComponent(s.replace(/\+/g, " "));
    } catch {
      return null;
    }
  };
  const id = unform(decoded.slice(0, colon));
  const secret = unform(decoded.slice(colon + 1));
  return id === null || secret === null ? "malformed" : { id, secret };
}

/**
 * Client authentication (RFC 6749 §2.3): client_secret_basic or client_secret_post for confidential clients, the
 * client_id alone for public ones (which must not send a secret). The client, or the refusal to send.
 */
async function authenticateClient(db: Db, request: Request, body: URLSearchParams): Promise<OidcClient | Response> {
  const basic = basicCredentials(request.headers.get("authorization"));
  const invalidClient = (description: string) => oauthError("invalid_client", description, 401, basic ? { "www-authenticate": 'Basic realm="oidc"' } : {});
  if (basic === "malformed") return invalidClient("malformed Basic credentials");
  if (basic && body.has("client_secret")) return oauthError("invalid_request", "use one client authentication method");
  const clientId = basic?.id ?? body.get("client_id") ?? "";
  if (basic && body.has("client_id") && body.get("client_id") !== basic.id)
    return oauthError("invalid_request", "client_id differs from the Basic credentials");
  const secret = basic?.secret ?? body.get("client_secret");
  const client = await clientByClientId(db, clientId);
  if (!client) return invalidClient("unknown client");
  if (client.kind === "confidential" ? !secret || !tokenMatches(secret, client.secretHash) : secret) return invalidClient("client authentication failed");
  return client;
}

/** The token endpoint (RFC 6749 §3.2): client authentication, then the code or refresh grant. */
export async function tokenResponse(db: Db, request: Request, issuer: string, now = new Date()): Promise<Response> {
  if (request.method !== "POST") return oauthError("invalid_request", "use POST", 405, { allow: "POST, OPTIONS" });
  const body = await formBody(request);
  if (!body) return oauthError("invalid_request", "send an application/x-www-form-urlencoded body (at most 16 KiB)");
  const client = await authenticateClient(db, request, body);
  if (client instanceof Response) return client;

  let result: TokenResponse | TokenError;
  const grantType = body.get("grant_type");
  if (grantType === "authorization_code") {
    result = await exchangeCode(
      db,
      client,
      { code: body.get("code") ?? "", redirectUri: body.get("redirect_uri"), codeVerifier: body.get("code_verifier") },
      issuer,
      now,
    );
  } else if (grantType === "refresh_token") {
    result = await refreshTokens(db, client, { refreshToken: body.get("refresh_token") ?? "", scope: body.get("scope") }, issuer, now);
  } else {
    return oauthError("unsupported_grant_type", "authorization_code or refresh_token");
  }
  return "error" in result ? oauthError(result.error, result.error_description) : json(result);
}

/**
 * Token revocation (RFC 7009), e.g. when a service logs someone out: the client's own access or refresh token
 * stops (a refresh token with every token of its login). The answer is 200 whether or not the token was known.
 */
export async function revocationResponse(db: Db, request: Request, now = new Date()): Promise<Response> {
  if (request.method !== "POST") return oauthError("invalid_request", "use POST", 405, { allow: "POST, OPTIONS" });
  const body = await formBody(request);
  if (!body) return oauthError("invalid_request", "send an application/x-www-form-urlencoded body (at most 16 KiB)");
  const client = await authenticateClient(db, request, body);
  if (client instanceof Response) return client;
  const token = body.get("token");
  if (!token) return oauthError("invalid_request", "token is required");
  await revokeToken(db, client.id, token, now);
  return new Response(null, { status: 200, headers: { "cache-control": "no-store", ...CORS } });
}

/**
 * Token introspection (RFC 7662): a confidential client asks whether one of its tokens still stands. Public clients
 * cannot prove who they are, so they are refused (§2.1: the endpoint requires authorization).
 */
export async function introspectionResponse(db: Db, request: Request, issuer: string, now = new Date()): Promise<Response> {
  if (request.method !== "POST") return oauthError("invalid_request", "use POST", 405, { allow: "POST, OPTIONS" });
  const body = await formBody(request);
  if (!body) return oauthError("invalid_request", "send an application/x-www-form-urlencoded body (at most 16 KiB)");
  const client = await authenticateClient(db, request, body);
  if (client instanceof Response) return client;
  if (client.kind !== "confidential") return oauthError("invalid_client", "introspection is for confidential clients", 401);
  const token = body.get("token");
  if (!token) return oauthError("invalid_request", "token is required");
  return json(await introspectToken(db, client, token, issuer, now));
}

/** The userinfo endpoint (OIDC Core §5.3): the claims for a bearer access token, checked against today's rules. */
export async function userinfoResponse(db: Db, request: Request, now = new Date()): Promise<Response> {
  if (request.method !== "GET" && request.method !== "POST") return oauthError("invalid_request", "use GET or POST", 405, { allow: "GET, POST, OPTIONS" });
  const header = request.headers.get("authorization") ?? "";
  const token = /^bearer /i.test(header) ? header.slice(7).trim() : "";
  if (!token) return json({ error: "invalid_request", error_description: "a bearer token is required" }, 401, { "www-authenticate": 'Bearer realm="oidc"' });
  const claims = await userinfo(db, token, now);
  if (!claims)
    return json({ error: "invalid_token", error_description: "unknown, expired or revoked token" }, 401, {
      "www-authenticate": 'Bearer realm="oidc", error="invalid_token"',
    });
  return json(claims);
}
