import { desc, gt, isNull, lt, or } from "drizzle-orm";
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK, type JWTPayload } from "jose";
import type { Db } from "@/lib/db/client";
import { oidcSigningKeys } from "@/lib/db/schema";
import { permissionsOfPerson } from "../access/person-permissions";
import { recordAudit } from "../audit/record-audit";
import { fail, type OidcResult } from "./result";
import { newToken } from "../shared/one-time-token";

/** RS256: the one algorithm every OpenID Connect relying party must accept. */
export const SIGNING_ALG = "RS256";
/** How long a retired key stays published, so ID tokens it signed shortly before still verify. */
const RETIRED_KEPT_MS = 2 * 86_400_000;

async function newKey(db: Db, now: Date) {
  const { privateKey, publicKey } = await generateKeyPair(SIGNING_ALG, { extractable: true, modulusLength: 2048 });
  const kid = newToken().slice(0, 16);
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: SIGNING_ALG, use: "sig" };
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: SIGNING_ALG };
  const [row] = await db.insert(oidcSigningKeys).values({ kid, alg: SIGNING_ALG, privateJwk, publicJwk, createdAt: now }).returning();
  return row!;
}

/** The key that signs now: the newest unretired one, made on first use and kept in the database (every instance shares it). */
async function currentKey(db: Db, now = new Date()) {
  const [row] = await db.select().from(oidcSigningKeys).where(isNull(oidcSigningKeys.retiredAt)).orderBy(desc(oidcSigningKeys.id)).limit(1);
  return row ?? (await newKey(db, now));
}

/**
 * Signs a token with the current key (its kid in the header, so verifiers pick the right public key): ID tokens
 * (typ JWT) and back-channel logout tokens (typ logout+jwt, so one can never pass for the other).
 */
export async function signIdToken(db: Db, payload: JWTPayload, typ: "JWT" | "logout+jwt" = "JWT"): Promise<string> {
  const key = await currentKey(db);
  const privateKey = await importJWK(key.privateJwk as JWK, SIGNING_ALG);
  return new SignJWT(payload).setProtectedHeader({ alg: SIGNING_ALG, kid: key.kid, typ }).sign(privateKey);
}

/** The JWKS document: the signing key and recently retired ones, public parts only. */
export async function publicKeySet(db: Db, now = new Date()): Promise<{ keys: Record<string, unknown>[] }> {
  await currentKey(db, now);
  const since = new Date(now.getTime() - RETIRED_KEPT_MS);
  const rows = await db
    .select({ jwk: oidcSigningKeys.publicJwk })
    .from(oidcSigningKeys)
    .where(or(isNull(oidcSigningKeys.retiredAt), gt(oidcSigningKeys.retiredAt, since)))
    .orderBy(desc(oidcSigningKeys.id));
  return { keys: rows.map((r) => r.jwk) };
}

/**
 * A new signing key (e.g. after a suspected leak): it signs from now on, the old ones are retired and stay
 * published for two days, then go. system.admin only, audited.
 */
export async function rotateSigningKey(db: Db, actorId: number, now = new Date()): Promise<OidcResult<{ kid: string }>> {
  if (!(await permissionsOfPerson(db, actorId)).has("system.admin")) return fail("forbidden", "Only admins manage single sign-on.");
  return db.transaction(async (tx) => {
    await tx.update(oidcSigningKeys).set({ retiredAt: now }).where(isNull(oidcSigningKeys.retiredAt));
    await tx.delete(oidcSigningKeys).where(lt(oidcSigningKeys.retiredAt, new Date(now.getTime() - RETIRED_KEPT_MS)));
    const key = await newKey(tx, now);
    await recordAudit(tx, { actorId, changeType: "oidc.rotate_signing_key", entity: "oidc_signing_keys", entityId: key.id, after: { kid: key.kid } });
    return { ok: true as const, kid: key.kid };
  });
}

/** The kid that signs now, for the admin page. */
export async function currentKeyId(db: Db): Promise<string> {
  return (await currentKey(db)).kid;
}
