import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { accounts, calendarFeedTokens, membershipStatuses, people } from "@/lib/db/schema";
import { recordAudit } from "../audit/record-audit";
import { newToken, tokenHash as hash } from "../shared/one-time-token";

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32,64}$/;

/** A new secret for the person's private feed; the previous one stops working. Only the hash is stored. */
export async function regenerateFeedToken(db: Db, personId: number): Promise<string> {
  const token = newToken();
  await db.transaction(async (tx) => {
    await tx
      .update(calendarFeedTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(calendarFeedTokens.personId, personId), isNull(calendarFeedTokens.revokedAt)));
    const [row] = await tx
      .insert(calendarFeedTokens)
      .values({ personId, tokenHash: hash(token) })
      .returning();
    await recordAudit(tx, {
      actorId: personId,
      subjectPersonId: personId,
      changeType: "calendar_feed.regenerate",
      entity: "calendar_feed_token",
      entityId: row!.id,
    });
  });
  return token;
}

export async function revokeFeedToken(db: Db, personId: number): Promise<boolean> {
  return db.transaction(async (tx) => {
    const revoked = await tx
      .update(calendarFeedTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(calendarFeedTokens.personId, personId), isNull(calendarFeedTokens.revokedAt)))
      .returning();
    if (revoked.length) {
      await recordAudit(tx, {
        actorId: personId,
        subjectPersonId: personId,
        changeType: "calendar_feed.revoke",
        entity: "calendar_feed_token",
        entityId: revoked[0]!.id,
      });
    }
    return revoked.length > 0;
  });
}

export async function hasActiveFeedToken(db: Db, personId: number): Promise<boolean> {
  const rows = await db
    .select({ id: calendarFeedTokens.id })
    .from(calendarFeedTokens)
    .where(and(eq(calendarFeedTokens.personId, personId), isNull(calendarFeedTokens.revokedAt)));
  return rows.length > 0;
}

/**
 * The person a feed URL belongs to, or null for anything malformed, unknown or revoked, and for owners who may
 * no longer see members' content: the same rule as a session (status may log in, not erased, login not disabled).
 */
export async function personForFeedToken(db: Db, token: string): Promise<number | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const [row] = await db
    .select({ personId: calendarFeedTokens.personId, mayLogIn: membershipStatuses.mayLogIn, erasedAt: people.erasedAt, disabled: accounts.disabled })
    .from(calendarFeedTokens)
    .innerJoin(people, eq(people.id, calendarFeedTokens.personId))
    .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
    .leftJoin(accounts, eq(accounts.personId, people.id))
    .where(and(eq(calendarFeedTokens.tokenHash, hash(token)), isNull(calendarFeedTokens.revokedAt)));
  if (!row || !row.mayLogIn || row.erasedAt || row.disabled) return null;
  return row.personId;
}
