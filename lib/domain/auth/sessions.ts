import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { accounts } from "@/lib/db/schema";
import { enqueueBackchannelLogout } from "../oidc/backchannel-logout";

/**
 * Sessions are signed cookies with no table behind them: each carries the account's session version, and a
 * cookie whose version is not the current one reads as logged out. Raising the version ends every session of the
 * person at once — on logout, password reset, a login email set by an admin, a status that may not log in, and
 * "log out everywhere". The services the person logged in to through the space are told too (back-channel logout).
 */
export async function endAllSessions(db: Db, personId: number): Promise<void> {
  await db
    .update(accounts)
    .set({ sessionVersion: sql`${accounts.sessionVersion} + 1` })
    .where(eq(accounts.personId, personId));
  await enqueueBackchannelLogout(db, personId);
}

/** The version a new session cookie carries. */
export async function currentSessionVersion(db: Db, personId: number): Promise<number | null> {
  const [row] = await db.select({ v: accounts.sessionVersion }).from(accounts).where(eq(accounts.personId, personId));
  return row?.v ?? null;
}
