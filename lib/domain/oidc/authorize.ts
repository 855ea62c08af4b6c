import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { oidcCodes, oidcConsents } from "@/lib/db/schema";
import { recordAudit } from "../audit/record-audit";
import type { AuthorizationRequest } from "./authorization-request";
import { redirectWith } from "./authorization-request";
import { defaultSharedFields } from "./claims";
import { clientRefusal, type ClientRefusal } from "./person-access";
import { newToken, tokenHash } from "../shared/one-time-token";
import { isSharedField, SHARED_FIELDS, type SharedField } from "./scopes";

/** A code lives two minutes: long enough for a slow relying party, too short to be worth stealing from a log. */
export const CODE_TTL_MS = 120_000;

/** What the authorization page does next. */
export type AuthorizationStep =
  | { kind: "login"; again: boolean }
  | { kind: "refused"; reason: ClientRefusal; cancel: string }
  | { kind: "consent"; fields: SharedField[]; offered: SharedField[]; cancel: string }
  | { kind: "redirect"; location: string };

/**
 * Who is logged in at the space, and since when (their login, not this request: the ID token's auth_time). A
 * session from before the login time was recorded has none: it counts as too old wherever an age is asked for.
 */
export interface BrowserSession {
  personId: number;
  authTime: Date | null;
}

async function issueCode(db: Db, req: AuthorizationRequest, session: BrowserSession, issuer: string, now: Date): Promise<string> {
  const personId = session.personId;
  const code = newToken();
  await db.insert(oidcCodes).values({
    codeHash: tokenHash(code),
    clientId: req.client.id,
    personId,
    redirectUri: req.redirectUri,
    scopes: req.scopes,
    nonce: req.nonce,
    codeChallenge: req.codeChallenge,
    authTime: session.authTime ?? now,
    expiresAt: new Date(now.getTime() + CODE_TTL_MS),
  });
  return redirectWith(req.redirectUri, { code, state: req.state }, issuer);
}

/** The "no" answer for the client: the person declined or may not log in there. */
export const deniedLocation = (req: AuthorizationRequest, issuer: string, description = "the person declined") =>
  redirectWith(req.redirectUri, { error: "access_denied", error_description: description, state: req.state }, issuer);

/** prompt=login, or a login older than max_age (OIDC Core §3.1.2.1): the person must log in again first. */
function mustLogInAgain(req: AuthorizationRequest, session: BrowserSession, now: Date): boolean {
  if (req.prompt.has("login")) return true;
  if (req.maxAge === null) return false;
  if (!session.authTime) return true;
  return Math.floor(now.getTime() / 1000) - Math.floor(session.authTime.getTime() / 1000) > req.maxAge;
}

/**
 * The authorization decision for a checked request and the browser's session (null: nobody logged in): log in
 * (again), a refusal, the consent screen (asked once per client, again when it wants more scopes or
 * prompt=consent), or straight back to the client with a fresh code. prompt=none never shows a page: it answers
 * login_required, consent_required or access_denied instead (OIDC Core §3.1.2.6).
 */
export async function decideAuthorization(
  db: Db,
  req: AuthorizationRequest,
  session: BrowserSession | null,
  issuer: string,
  now = new Date(),
): Promise<AuthorizationStep> {
  const none = req.prompt.has("none");
  const back = (error: string) => ({ kind: "redirect" as const, location: redirectWith(req.redirectUri, { error, state: req.state }, issuer) });
  if (session === null) return none ? back("login_required") : { kind: "login", again: false };
  if (mustLogInAgain(req, session, now)) return none ? back("login_required") : { kind: "login", again: true };
  const personId = session.personId;
  const refused = await clientRefusal(db, req.client, personId, now);
  if (refused) return none ? back("access_denied") : { kind: "refused", reason: refused, cancel: deniedLocation(req, issuer, "not allowed for this person") };
  const [consent] = await db
    .select()
    .from(oidcConsents)
    .where(and(eq(oidcConsents.personId, personId), eq(oidcConsents.clientId, req.client.id)));
  const covered = consent && req.scopes.every((s) => consent.scopes.includes(s));
  if (covered && !req.prompt.has("consent")) return { kind: "redirect", location: await issueCode(db, req, session, issuer, now) };
  if (none) return back("consent_required");
  const offered = (Object.keys(SHARED_FIELDS) as SharedField[]).filter((f) => req.scopes.includes(SHARED_FIELDS[f]));
  const fields = consent ? offered.filter((f) => consent.fields.includes(f)) : await defaultSharedFields(db, personId, req.scopes);
  return { kind: "consent", fields, offered, cancel: deniedLocation(req, issuer) };
}

/**
 * The person said yes on the consent screen: their consent (scopes, and which fields to share) is kept for next
 * time and the client gets its code. Checked again first: the status may have changed while the page was open.
 */
export async function approveAuthorization(
  db: Db,
  req: AuthorizationRequest,
  session: BrowserSession,
  chosen: string[],
  issuer: string,
  now = new Date(),
): Promise<AuthorizationStep> {
  const personId = session.personId;
  if (mustLogInAgain(req, session, now)) return { kind: "login", again: true };
  const refused = await clientRefusal(db, req.client, personId, now);
  if (refused) return { kind: "refused", reason: refused, cancel: deniedLocation(req, issuer, "not allowed for this person") };
  const fields = [...new Set(chosen.filter(isSharedField))].filter((f) => req.scopes.includes(SHARED_FIELDS[f])).sort();
  await db.transaction(async (tx) => {
    const values = { personId, clientId: req.client.id, scopes: req.scopes, fields, grantedAt: now };
    await tx
      .insert(oidcConsents)
      .values(values)
      .onConflictDoUpdate({ target: [oidcConsents.personId, oidcConsents.clientId], set: { scopes: req.scopes, fields, grantedAt: now } });
    await recordAudit(tx, {
      actorId: personId,
      subjectPersonId: personId,
      changeType: "oidc.consent",
      entity: "oidc_clients",
      entityId: req.client.id,
      after: { client: req.client.name, scopes: req.scopes, fields },
    });
  });
  return { kind: "redirect", location: await issueCode(db, req, session, issuer, now) };
}
