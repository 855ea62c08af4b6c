import type { Db } from "@/lib/db/client";
import { checkAuthorizationRequest } from "@/lib/domain/oidc/authorization-request";
import { approveAuthorization, decideAuthorization, deniedLocation, type AuthorizationStep } from "@/lib/domain/oidc/authorize";
import { clientByClientId } from "@/lib/domain/oidc/clients";
import { publicBase } from "@/lib/domain/settings/public-link";

/** A step of the authorization page, with the request's client name for the screens that show one. */
export type AuthorizationPageStep = ({ kind: "fatal"; error: string; description: string } | AuthorizationStep) & { clientName?: string; scopes?: string[] };

/** The space's issuer: its saved public address, never the Host a request claims. */
export const oidcIssuer = (db: Db) => publicBase(db);

/** What the authorization endpoint does for this query and the person logged in here (null: nobody). */
export async function authorizationStep(db: Db, params: URLSearchParams, personId: number | null, now = new Date()): Promise<AuthorizationPageStep> {
  const issuer = await oidcIssuer(db);
  const checked = await checkAuthorizationRequest(db, params, issuer);
  if (!checked.ok) return checked.refusal.kind === "fatal" ? checked.refusal : { kind: "redirect", location: checked.refusal.location };
  const step = await decideAuthorization(db, checked.request, personId, issuer, now);
  return { ...step, clientName: checked.request.client.name, scopes: checked.request.scopes };
}

/** The consent screen's answer: the same request checked again, then yes (with the fields ticked) or no. */
export async function consentDecision(db: Db, params: URLSearchParams, personId: number, approve: boolean, fields: string[], now = new Date()): Promise<AuthorizationPageStep> {
  const issuer = await oidcIssuer(db);
  const checked = await checkAuthorizationRequest(db, params, issuer);
  if (!checked.ok) return checked.refusal.kind === "fatal" ? checked.refusal : { kind: "redirect", location: checked.refusal.location };
  if (!approve) return { kind: "redirect", location: deniedLocation(checked.request, issuer) };
  return approveAuthorization(db, checked.request, personId, fields, issuer, now);
}

/** The client's display name, for pages that only have its client_id. */
export async function clientName(db: Db, clientId: string): Promise<string | null> {
  return (await clientByClientId(db, clientId))?.name ?? null;
}
