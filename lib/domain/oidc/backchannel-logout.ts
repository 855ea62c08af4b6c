import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { oidcClients, oidcLogoutDeliveries } from "@/lib/db/schema";
import { publicBase } from "../settings/public-link";
import { backoffSeconds, MAX_ATTEMPTS } from "../webhooks/deliver";
import { signIdToken } from "./signing-keys";

/** The event a logout token carries (OpenID Connect Back-Channel Logout 1.0 §2.4). */
export const BACKCHANNEL_LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";
/** A logout token is short-lived: it is signed afresh at each attempt. */
const LOGOUT_TOKEN_TTL_S = 120;
const LEASE_MS = 5 * 60_000;
const BATCH = 20;
const TIMEOUT_MS = 10_000;

/**
 * Every session of the person ended (logout, log out everywhere, a new password, a status that may not log in):
 * each service they connected that asked for it learns so through the back channel. Written on the caller's handle
 * — inside its transaction it commits with the change — and sent later by the broker, never in the request.
 */
export async function enqueueBackchannelLogout(db: Db, personId: number): Promise<void> {
  await db.execute(sql`insert into oidc_logout_deliveries (client_id, person_id)
    select c.id, ${personId}::integer from oidc_consents k join oidc_clients c on c.id = k.client_id
    where k.person_id = ${personId} and c.active and c.backchannel_logout_uri is not null`);
}

/** The logout token for one client and person: signed like ID tokens, no nonce, the back-channel event (§2.4). */
export async function logoutToken(db: Db, clientId: string, personId: number, issuer: string, now = new Date()): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  return signIdToken(
    db,
    { iss: issuer, aud: clientId, sub: String(personId), iat, exp: iat + LOGOUT_TOKEN_TTL_S, jti: randomUUID(), events: { [BACKCHANNEL_LOGOUT_EVENT]: {} } },
    "logout+jwt",
  );
}

export interface LogoutDeliveryOptions {
  now?: () => Date;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface LogoutRound {
  delivered: number;
  retried: number;
  failed: number;
}

async function post(url: string, token: string, o: LogoutDeliveryOptions): Promise<string | null> {
  try {
    const response = await (o.fetch ?? fetch)(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "user-agent": "Makerspace-OIDC/1" },
      body: new URLSearchParams({ logout_token: token }),
      redirect: "manual",
      signal: AbortSignal.timeout(o.timeoutMs ?? TIMEOUT_MS),
    });
    await response.body?.cancel().catch(() => {});
    return response.status >= 200 && response.status < 300 ? null : `HTTP ${response.status}`;
  } catch (error) {
    return (error instanceof Error ? error.message : String(error)).slice(0, 300);
  }
}

/**
 * One round of the sender: the due notices, claimed with SKIP LOCKED and a lease (several brokers never send one
 * twice), each POSTed to its client's back-channel address with a freshly signed logout token. A refusal is
 * retried with the webhooks' backoff and given up after as many attempts; a client deleted or switched off meanwhile
 * is not told anything.
 */
export async function deliverDueLogouts(db: Db, o: LogoutDeliveryOptions = {}): Promise<LogoutRound> {
  const clock = o.now ?? (() => new Date());
  const now = clock();
  const round: LogoutRound = { delivered: 0, retried: 0, failed: 0 };
  const claimed = await db.execute<{ id: number; client_id: number; person_id: number; attempts: number }>(sql`update oidc_logout_deliveries
    set next_attempt_at = ${new Date(now.getTime() + LEASE_MS).toISOString()}::timestamptz
    where id in (select id from oidc_logout_deliveries where status = 'pending' and next_attempt_at <= ${now.toISOString()}::timestamptz
                 order by id limit ${BATCH} for update skip locked)
    returning id, client_id, person_id, attempts`);
  if (!claimed.length) return round;
  const issuer = await publicBase(db);
  for (const row of [...claimed]) {
    const d = { id: Number(row.id), client_id: Number(row.client_id), person_id: Number(row.person_id), attempts: Number(row.attempts) };
    const [client] = await db.select().from(oidcClients).where(eq(oidcClients.id, d.client_id));
    const at = clock();
    const attempts = d.attempts + 1;
    if (!client?.active || !client.backchannelLogoutUri) {
      await db
        .update(oidcLogoutDeliveries)
        .set({ status: "failed", attempts, lastError: "client switched off or without a back-channel address" })
        .where(eq(oidcLogoutDeliveries.id, d.id));
      round.failed++;
      continue;
    }
    const error = await post(client.backchannelLogoutUri, await logoutToken(db, client.clientId, d.person_id, issuer, at), o);
    const done = clock();
    if (!error) {
      await db.update(oidcLogoutDeliveries).set({ status: "delivered", attempts, lastError: null, deliveredAt: done }).where(eq(oidcLogoutDeliveries.id, d.id));
      round.delivered++;
    } else if (attempts >= MAX_ATTEMPTS) {
      await db.update(oidcLogoutDeliveries).set({ status: "failed", attempts, lastError: error }).where(eq(oidcLogoutDeliveries.id, d.id));
      round.failed++;
    } else {
      await db
        .update(oidcLogoutDeliveries)
        .set({ attempts, lastError: error, nextAttemptAt: new Date(done.getTime() + backoffSeconds(attempts) * 1000) })
        .where(eq(oidcLogoutDeliveries.id, d.id));
      round.retried++;
    }
  }
  return round;
}
