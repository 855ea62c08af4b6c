import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { apiTokens } from "@/lib/db/schema";
import { personRights, serviceRights, type OwnerRights } from "./owner-rights";
import { TOKEN_PREFIX } from "./token-format";
import { tokenHash } from "../shared/one-time-token";
import { effectiveScopes, type Scope } from "./scopes";

/** Requests per token and window, shared by every web instance (counted on the token's row). */
export const RATE_WINDOW_SECONDS = 60;

export interface ApiPrincipal extends OwnerRights {
  tokenId: number;
  tokenName: string;
  /** Every scope the token was given. */
  scopes: string[];
  /** Those in effect now: the owner still holds their rights. */
  effective: Scope[];
  expiresAt: Date;
}

export interface RateState {
  limit: number;
  remaining: number;
  resetAt: Date;
}

export type TokenCheck =
  | { ok: true; principal: ApiPrincipal; rate: RateState }
  | { ok: false; reason: "invalid" | "expired" | "revoked" | "owner_inactive" }
  | { ok: false; reason: "rate_limited"; rate: RateState; retryAfterSeconds: number };

/**
 * Who a bearer token speaks for, with the rights its owner holds NOW (read afresh on every request: a banned,
 * former or disabled owner's tokens stop at once, a lost permission is lost to the token too). Counts the request
 * in the token's rate window and records its last use, in one statement.
 */
export async function authenticateApiToken(db: Db, token: string, opts: { now?: Date; ip?: string | null; limitPerWindow: number }): Promise<TokenCheck> {
  const now = opts.now ?? new Date();
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return { ok: false, reason: "invalid" };
  const hash = tokenHash(token);
  const windowOpenAfter = new Date(now.getTime() - RATE_WINDOW_SECONDS * 1000);
  const inWindow = sql`(${apiTokens.rateWindowStart} is not null and ${apiTokens.rateWindowStart} > ${windowOpenAfter.toISOString()}::timestamptz)`;
  const [row] = await db
    .update(apiTokens)
    .set({
      rateWindowStart: sql`case when ${inWindow} then ${apiTokens.rateWindowStart} else ${now.toISOString()}::timestamptz end`,
      rateCount: sql`case when ${inWindow} then ${apiTokens.rateCount} + 1 else 1 end`,
      lastUsedAt: now,
      lastUsedIp: opts.ip?.slice(0, 64) ?? null,
    })
    .where(sql`${apiTokens.tokenHash} = ${hash} and ${apiTokens.revokedAt} is null and ${apiTokens.expiresAt} > ${now.toISOString()}::timestamptz`)
    .returning();
  if (!row) {
    const [known] = await db.select({ revokedAt: apiTokens.revokedAt }).from(apiTokens).where(eq(apiTokens.tokenHash, hash));
    return { ok: false, reason: !known ? "invalid" : known.revokedAt ? "revoked" : "expired" };
  }
  const resetAt = new Date(row.rateWindowStart!.getTime() + RATE_WINDOW_SECONDS * 1000);
  const rate = { limit: opts.limitPerWindow, remaining: Math.max(0, opts.limitPerWindow - row.rateCount), resetAt };
  if (row.rateCount > opts.limitPerWindow) {
    return { ok: false, reason: "rate_limited", rate, retryAfterSeconds: Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000)) };
  }
  const owner = row.personId !== null ? await personRights(db, row.personId) : await serviceRights(db, row.serviceId!);
  if (!owner) return { ok: false, reason: "owner_inactive" };
  return {
    ok: true,
    principal: {
      ...owner,
      tokenId: row.id,
      tokenName: row.name,
      scopes: row.scopes,
      effective: effectiveScopes(row.scopes, owner.held),
      expiresAt: row.expiresAt,
    },
    rate,
  };
}
