import type { Db } from "@/lib/db/client";
import type { OidcClient } from "@/lib/db/schema";
import { clientByClientId } from "./clients";
import { grantableScopes, type OidcScope } from "./scopes";

/** A checked authorization request: the client and what it asked for, safe to act on. */
export interface AuthorizationRequest {
  client: OidcClient;
  redirectUri: string;
  scopes: OidcScope[];
  state: string | null;
  nonce: string | null;
  codeChallenge: string | null;
  prompt: Set<string>;
  /** max_age in seconds: the login must be at most this old, or the person logs in again. */
  maxAge: number | null;
}

/**
 * A refusal of the request. "fatal" ones (unknown client, unregistered redirect address) are shown on our own
 * page and never sent anywhere: redirecting to an unchecked address would make the space an open redirector.
 * Everything after the address is checked goes back to the client as an OAuth error.
 */
export type AuthorizationRefusal =
  { kind: "fatal"; error: "invalid_client" | "invalid_redirect_uri"; description: string } | { kind: "redirect"; location: string };

/** redirect_uri?error=…&state=…&iss=… (RFC 6749 §4.1.2.1, RFC 9207's issuer so the client knows who answered). */
export function redirectWith(redirectUri: string, params: Record<string, string | null>, issuer: string): string {
  const url = new URL(redirectUri);
  for (const [k, v] of Object.entries({ ...params, iss: issuer })) if (v !== null) url.searchParams.set(k, v);
  return url.href;
}

const CHALLENGE = /^[A-Za-z0-9._~-]{43,128}$/;

/** Checks an authorization request (its query or posted form) against the registered client. */
export async function checkAuthorizationRequest(
  db: Db,
  params: URLSearchParams,
  issuer: string,
): Promise<{ ok: true; request: AuthorizationRequest } | { ok: false; refusal: AuthorizationRefusal }> {
  const one = (name: string) => params.get(name);
  // OAuth 2.0 §3.1: no parameter twice. Which client or address was meant is then unknown: nothing is sent anywhere.
  const twice = [...new Set(params.keys())].filter((k) => params.getAll(k).length > 1);
  if (twice.includes("client_id") || twice.includes("redirect_uri"))
    return { ok: false, refusal: { kind: "fatal", error: "invalid_redirect_uri", description: "The request names its client or address twice." } };
  const client = await clientByClientId(db, one("client_id") ?? "");
  if (!client)
    return { ok: false, refusal: { kind: "fatal", error: "invalid_client", description: "This service is not registered here (or was switched off)." } };
  const redirectUri = one("redirect_uri") ?? "";
  // Exactly as registered: no prefix, no normalising, no "the only one" default.
  if (!client.redirectUris.includes(redirectUri))
    return {
      ok: false,
      refusal: { kind: "fatal", error: "invalid_redirect_uri", description: "The address this service asked to return to is not registered for it." },
    };
  const state = one("state");
  const back = (error: string, description: string) => ({
    ok: false as const,
    refusal: { kind: "redirect" as const, location: redirectWith(redirectUri, { error, error_description: description, state }, issuer) },
  });

  if (twice.length) return back("invalid_request", `${twice[0]} appears twice`);
  // Stored with the code; PostgreSQL refuses NUL in text.
  if ([...params.values()].some((v) => v.includes("\u0000"))) return back("invalid_request", "NUL characters are not allowed");
  if (params.has("request") || params.has("request_uri")) return back("request_not_supported", "request objects are not supported");
  if (one("response_type") !== "code") return back("unsupported_response_type", "only response_type=code is supported");
  if (one("response_mode") && one("response_mode") !== "query") return back("invalid_request", "only response_mode=query is supported");
  const scopes = grantableScopes(one("scope") ?? "", client.allowedScopes);
  if (!scopes.includes("openid")) return back("invalid_scope", "the openid scope is required");
  const codeChallenge = one("code_challenge");
  const method = one("code_challenge_method");
  if (codeChallenge !== null || method !== null) {
    // S256 only: "plain" would hand the verifier to whoever sees the request.
    if (method !== "S256") return back("invalid_request", "code_challenge_method must be S256");
    if (!codeChallenge || !CHALLENGE.test(codeChallenge)) return back("invalid_request", "code_challenge is malformed");
  } else if (client.kind === "public") {
    return back("invalid_request", "PKCE (code_challenge with S256) is required for this client");
  }
  const nonce = one("nonce");
  if ((nonce?.length ?? 0) > 512 || (state?.length ?? 0) > 2000) return back("invalid_request", "state or nonce too long");
  const prompt = new Set((one("prompt") ?? "").split(" ").filter(Boolean));
  if (prompt.has("none") && prompt.size > 1) return back("invalid_request", "prompt=none cannot be combined");
  const maxAgeText = one("max_age");
  if (maxAgeText !== null && !/^\d{1,9}$/.test(maxAgeText)) return back("invalid_request", "max_age must be a whole number of seconds");
  const maxAge = maxAgeText === null ? null : Number(maxAgeText);
  return { ok: true, request: { client, redirectUri, scopes, state, nonce, codeChallenge, prompt, maxAge } };
}

/**
 * The authorization request to come back to after logging in again for prompt=login or max_age: the same request
 * without them, or it would ask again forever. Nothing is given away: the request is the browser's to edit anyway,
 * which is why a relying party that must be sure checks the ID token's auth_time (OIDC Core §3.1.2.1).
 */
export function afterReauthentication(params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  next.delete("max_age");
  const prompt = (params.get("prompt") ?? "").split(" ").filter((p) => p && p !== "login");
  if (prompt.length) next.set("prompt", prompt.join(" "));
  else next.delete("prompt");
  return next;
}
