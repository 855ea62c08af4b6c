import type { Db } from "@/lib/db/client";
import { afterReauthentication, checkAuthorizationRequest } from "@/lib/domain/oidc/authorization-request";
import { approveAuthorization, decideAuthorization, deniedLocation, type AuthorizationStep, type BrowserSession } from "@/lib/domain/oidc/authorize";
import { clientByClientId } from "@/lib/domain/oidc/clients";
import { publicBase } from "@/lib/domain/settings/public-link";

/** A step of the authorization page, with the request's client name for the screens that show one. */
export type AuthorizationPageStep = ({ kind: "fatal"; error: string; description: string } | AuthorizationStep) & { clientName?: string; scopes?: string[] };

/** The space's issuer: its saved public address, never the Host a request claims. */
export const oidcIssuer = (db: Db) => publicBase(db);

export type { BrowserSession };

/** Where the login page sends the person back to: this authorization request (without what asked for the login again). */
export function authorizationAfterLogin(params: URLSearchParams, again: boolean): string {
  return `/oidc/authorize?${again ? afterReauthentication(params) : params}`;
}

/** What the authorization endpoint does for this query and the browser's session here (null: nobody logged in). */
export async function authorizationStep(db: Db, params: URLSearchParams, session: BrowserSession | null, now = new Date()): Promise<AuthorizationPageStep> {
  const issuer = await oidcIssuer(db);
  const checked = await checkAuthorizationRequest(db, params, issuer);
  if (!checked.ok) return checked.refusal.kind === "fatal" ? checked.refusal : { kind: "redirect", location: checked.refusal.location };
  const step = await decideAuthorization(db, checked.request, session, issuer, now);
  return { ...step, clientName: checked.request.client.name, scopes: checked.request.scopes };
}

/** The consent screen's answer: the same request checked again, then yes (with the fields ticked) or no. */
export async function consentDecision(
  db: Db,
  params: URLSearchParams,
  session: BrowserSession,
  approve: boolean,
  fields: string[],
  now = new Date(),
): Promise<AuthorizationPageStep> {
  const issuer = await oidcIssuer(db);
  const checked = await checkAuthorizationRequest(db, params, issuer);
  if (!checked.ok) return checked.refusal.kind === "fatal" ? checked.refusal : { kind: "redirect", location: checked.refusal.location };
  if (!approve) return { kind: "redirect", location: deniedLocation(checked.request, issuer) };
  return approveAuthorization(db, checked.request, session, fields, issuer, now);
}

/** The client's display name, for pages that only have its client_id. */
export async function clientName(db: Db, clientId: string): Promise<string | null> {
  return (await clientByClientId(db, clientId))?.name ?? null;
}
