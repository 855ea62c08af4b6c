import { bigint, bigserial, boolean, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp } from "drizzle-orm/pg-core";
import { deliveryStateColumns } from "./delivery-columns";
import { people } from "./people";

/**
 * A service that logs members in through the space (OpenID Connect relying party), registered by an admin.
 * Confidential clients authenticate with a secret kept only as its SHA-256; public clients (apps without a
 * secret) must use PKCE. Redirect URIs are compared exactly, never by prefix.
 */
export const oidcClients = pgTable("oidc_clients", {
  id: serial().primaryKey(),
  clientId: text().notNull().unique(),
  name: text().notNull(),
  kind: text({ enum: ["confidential", "public"] }).notNull(),
  secretHash: text(),
  redirectUris: text().array().notNull(),
  postLogoutRedirectUris: text().array().notNull().default([]),
  /** Where to POST a signed logout token when a person's space sessions end (OpenID Connect Back-Channel Logout). */
  backchannelLogoutUri: text(),
  allowedScopes: text().array().notNull(),
  /** Membership statuses whose holders may log in here; empty: every status that may log in at all. */
  allowedStatusIds: integer().array().notNull().default([]),
  /** A permission the person must hold to log in here (e.g. only trainers reach the trainers' wiki). */
  requiredPermission: text(),
  refreshTokens: boolean().notNull().default(false),
  active: boolean().notNull().default(true),
  createdById: integer().references(() => people.id, { onDelete: "set null" }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
export type OidcClient = typeof oidcClients.$inferSelect;

/** The client and the person a consent, code, token or logout notice belongs to; gone with either. */
const clientRef = () =>
  integer()
    .notNull()
    .references(() => oidcClients.id, { onDelete: "cascade" });
const personRef = () =>
  integer()
    .notNull()
    .references(() => people.id, { onDelete: "cascade" });

/** A person's consent to a client, asked once: the scopes granted and which profile fields may be shared. */
export const oidcConsents = pgTable(
  "oidc_consents",
  {
    personId: personRef(),
    clientId: clientRef(),
    scopes: text().array().notNull(),
    /** Profile fields the person agreed to share ("name", "email"). */
    fields: text().array().notNull(),
    grantedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.clientId] }), index().on(t.clientId)],
);
export type OidcConsent = typeof oidcConsents.$inferSelect;

/** Authorization codes: single-use, short-lived, stored as SHA-256. */
export const oidcCodes = pgTable(
  "oidc_codes",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    codeHash: text().notNull().unique(),
    clientId: clientRef(),
    personId: personRef(),
    redirectUri: text().notNull(),
    scopes: text().array().notNull(),
    nonce: text(),
    codeChallenge: text(),
    authTime: timestamp({ withTimezone: true }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.expiresAt)],
);
export type OidcCode = typeof oidcCodes.$inferSelect;

/**
 * Access and refresh tokens (opaque, SHA-256 stored), checked per request so a banned member's tokens stop at
 * once. grantId is the code a token family came from: a code or refresh token used twice revokes the family.
 */
export const oidcTokens = pgTable(
  "oidc_tokens",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    tokenHash: text().notNull().unique(),
    kind: text({ enum: ["access", "refresh"] }).notNull(),
    clientId: clientRef(),
    personId: personRef(),
    scopes: text().array().notNull(),
    grantId: bigint({ mode: "number" }).notNull(),
    authTime: timestamp({ withTimezone: true }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.grantId), index().on(t.personId), index().on(t.expiresAt)],
);
export type OidcToken = typeof oidcTokens.$inferSelect;

/** ID-token signing keys. The newest unretired one signs; retired keys stay published a while for verifiers. */
export const oidcSigningKeys = pgTable("oidc_signing_keys", {
  id: serial().primaryKey(),
  kid: text().notNull().unique(),
  alg: text().notNull(),
  privateJwk: jsonb().$type<Record<string, unknown>>().notNull(),
  publicJwk: jsonb().$type<Record<string, unknown>>().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  retiredAt: timestamp({ withTimezone: true }),
});
export type OidcSigningKey = typeof oidcSigningKeys.$inferSelect;

/**
 * Back-channel logout notices waiting to go out: one per client the person had connected, written when every
 * session of the person ends (logout, log out everywhere, a status that may not log in …). The broker sends them,
 * signing the logout token at each attempt, and retries with backoff; the action that caused them never waits.
 */
export const oidcLogoutDeliveries = pgTable(
  "oidc_logout_deliveries",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    clientId: clientRef(),
    personId: personRef(),
    ...deliveryStateColumns(),
  },
  (t) => [index().on(t.status, t.nextAttemptAt)],
);
export type OidcLogoutDelivery = typeof oidcLogoutDeliveries.$inferSelect;
