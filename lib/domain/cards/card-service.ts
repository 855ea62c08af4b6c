import { and, desc, eq, gte, max, count, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { cards, machines, people, unknownCards } from "@/lib/db/schema";
import { subjectRefusal, type ContainmentCode } from "../access/containment";
import { outOfViewRefusal } from "../access/view-rights";
import { recordAudit } from "../audit/record-audit";
import { fail, type Result } from "../usage/result";
import { actorMay } from "../shared/actor-may";
import { normalizeCardUid } from "./uid";

export type CardFailure = "forbidden" | "malformed_uid" | "taken" | "not_found" | "not_active" | ContainmentCode;

/**
 * Registers a card for a person (members.write). The uid is normalised to lowercase; an active card with the same
 * uid held by anyone is refused (the partial unique index backs this up under races). Saving removes the
 * unknown-card swipes of that uid: the card is no longer unknown.
 */
export async function registerCard(
  db: Db,
  actorId: number,
  input: { personId: number; uid: string; now?: Date },
): Promise<Result<{ cardId: number; uid: string }, CardFailure>> {
  if (!(await actorMay(db, actorId, "members.write"))) return fail("forbidden", "You may not register cards.");
  const uid = normalizeCardUid(input.uid);
  if (!uid) return fail("malformed_uid", "A card id is 8 hexadecimal digits (0-9, a-f), e.g. efbeadde.");
  const [person] = await db.select({ id: people.id }).from(people).where(eq(people.id, input.personId));
  // Someone outside the actor's view rights is answered as nobody.
  if (!person || (await outOfViewRefusal(db, actorId, input.personId))) return fail("not_found", "This person does not exist.");
  // A card of someone above the actor would let the actor's own card act as theirs at every machine.
  const above = await subjectRefusal(db, actorId, input.personId);
  if (above) return above;
  return db.transaction(async (tx) => {
    const [holder] = await tx
      .select()
      .from(cards)
      .where(and(eq(cards.uid, uid), eq(cards.state, "active")));
    if (holder) return fail("taken", holder.personId === input.personId ? "This person already holds this card." : "This card is active for someone else.");
    const [row] = await tx
      .insert(cards)
      .values({ uid, personId: input.personId, issuedAt: input.now ?? new Date() })
      .returning();
    await tx.delete(unknownCards).where(eq(unknownCards.uid, uid));
    await recordAudit(tx, { actorId, subjectPersonId: input.personId, changeType: "card.register", entity: "card", entityId: row!.id, after: { uid } });
    return { ok: true as const, cardId: row!.id, uid };
  });
}

/** Marks an active card lost or revoked; the row stays as history. */
export async function endCard(
  db: Db,
  actorId: number,
  input: { cardId: number; state: "lost" | "revoked"; reason?: string; now?: Date },
): Promise<Result<object, CardFailure>> {
  if (!(await actorMay(db, actorId, "members.write"))) return fail("forbidden", "You may not change cards.");
  return db.transaction(async (tx) => {
    const [card] = await tx.select().from(cards).where(eq(cards.id, input.cardId));
    if (!card) return fail("not_found", "This card does not exist.");
    if (card.state !== "active") return fail("not_active", "This card is no longer active.");
    const above = await subjectRefusal(tx, actorId, card.personId);
    if (above) return above;
    const after = { state: input.state, endedAt: input.now ?? new Date(), endedReason: input.reason?.trim() || null };
    await tx.update(cards).set(after).where(eq(cards.id, card.id));
    await recordAudit(tx, {
      actorId,
      subjectPersonId: card.personId,
      changeType: `card.${input.state}`,
      entity: "card",
      entityId: card.id,
      before: { state: card.state },
      after,
    });
    return { ok: true as const };
  });
}

/** Every card a person ever held, newest first. */
export function cardHistory(db: Db, personId: number) {
  return db.select().from(cards).where(eq(cards.personId, personId)).orderBy(desc(cards.issuedAt), desc(cards.id));
}

/** Unknown cards swiped since `since`: one row per uid with the last machine and time, most recent first. */
export async function recentUnknownCards(db: Db, since: Date) {
  return db
    .select({
      uid: unknownCards.uid,
      lastSeenAt: max(unknownCards.seenAt),
      swipes: count(),
      machine: sql<string | null>`(array_agg(${machines.name} order by ${unknownCards.seenAt} desc))[1]`,
    })
    .from(unknownCards)
    .leftJoin(machines, eq(machines.id, unknownCards.machineId))
    .where(gte(unknownCards.seenAt, since))
    .groupBy(unknownCards.uid)
    .orderBy(desc(max(unknownCards.seenAt)));
}

/** The unknown cards of the last `days` days. */
export function unknownCardsOfLastDays(db: Db, days: number, now = new Date()) {
  return recentUnknownCards(db, new Date(now.getTime() - days * 86_400_000));
}
