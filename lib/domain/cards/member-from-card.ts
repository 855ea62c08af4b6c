import type { Db } from "@/lib/db/client";
import { createPersonRecord } from "../people/person-service";
import type { ProfileInput } from "../people/profile-input";
import { Abort, catchAbort, type Result } from "../shared/result";
import { registerCard } from "./card-service";

/**
 * "Create a new member with this card" from the unknown-cards list: the person and the card in one transaction,
 * so a refused card (malformed, taken meanwhile) leaves no half-created person behind.
 */
export async function createMemberWithCard(
  db: Db,
  actorId: number,
  input: { uid: string; statusId: number; profile: ProfileInput },
): Promise<Result<{ personId: number; uid: string }>> {
  return catchAbort(() =>
    db.transaction(async (tx) => {
      const person = await createPersonRecord(tx, actorId, { statusId: input.statusId, profile: input.profile });
      if (!person.ok) throw new Abort(person);
      const card = await registerCard(tx, actorId, { personId: person.personId, uid: input.uid });
      if (!card.ok) throw new Abort(card);
      return { ok: true as const, personId: person.personId, uid: card.uid };
    }),
  );
}
