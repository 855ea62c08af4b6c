/**
 * The scopes a client may be allowed. openid is always needed; profile brings the name and preferred language,
 * email the login email, groups the person's status, roles and committees (for a wiki's or forum's groups).
 */
export const OIDC_SCOPES = ["openid", "profile", "email", "groups"] as const;
export type OidcScope = (typeof OIDC_SCOPES)[number];

export function isOidcScope(value: string): value is OidcScope {
  return (OIDC_SCOPES as readonly string[]).includes(value);
}

/** Profile fields a person decides to share on the consent screen, and the scope each belongs to. */
export const SHARED_FIELDS = { name: "profile", email: "email" } as const;
export type SharedField = keyof typeof SHARED_FIELDS;
export const isSharedField = (value: string): value is SharedField => Object.hasOwn(SHARED_FIELDS, value);

/** The requested scopes the client may have, in a stable order; unknown or disallowed ones are dropped (RFC 6749 §3.3). */
export function grantableScopes(requested: string, allowed: readonly string[]): OidcScope[] {
  const asked = new Set(requested.split(" ").filter(Boolean));
  return OIDC_SCOPES.filter((s) => asked.has(s) && allowed.includes(s));
}
