import { and, asc, desc, eq, gt, isNull, or } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { cards, equipmentAuthorizations, equipmentTypes, membershipStatuses, people, profiles } from "@/lib/db/schema";

export interface MemberOverview {
  personId: number;
  firstName: string | null;
  lastName: string | null;
  memberNumber: number | null;
  joinedOn: Date | null;
  status: { key: string; name: string };
  cards: { uid: string; state: "active" | "lost" | "revoked"; issuedAt: Date }[];
  /** Only authorizations in force now: not revoked and not expired. */
  equipment: { equipmentType: string; level: "user" | "owner" | "trainer"; expiresAt: Date | null }[];
}

/** "My memberships, my cards, my equipment" for one person; null when the person does not exist. */
export async function getMemberOverview(db: Db, personId: number, now = new Date()): Promise<MemberOverview | null> {
  const [person] = await db
    .select({
      memberNumber: people.memberNumber,
      joinedOn: people.joinedOn,
      statusKey: membershipStatuses.key,
      statusName: membershipStatuses.name,
      firstName: profiles.firstName,
      lastName: profiles.lastName,
    })
    .from(people)
    .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
    .leftJoin(profiles, eq(profiles.personId, people.id))
    .where(eq(people.id, personId));
  if (!person) return null;

  const cardRows = await db
    .select({ uid: cards.uid, state: cards.state, issuedAt: cards.issuedAt })
    .from(cards)
    .where(eq(cards.personId, personId))
    .orderBy(asc(cards.state), desc(cards.issuedAt));

  const equipment = await db
    .select({ equipmentType: equipmentTypes.name, level: equipmentAuthorizations.level, expiresAt: equipmentAuthorizations.expiresAt })
    .from(equipmentAuthorizations)
    .innerJoin(equipmentTypes, eq(equipmentTypes.id, equipmentAuthorizations.equipmentTypeId))
    .where(
      and(
        eq(equipmentAuthorizations.personId, personId),
        isNull(equipmentAuthorizations.revokedAt),
        or(isNull(equipmentAuthorizations.expiresAt), gt(equipmentAuthorizations.expiresAt, now)),
      ),
    )
    .orderBy(asc(equipmentTypes.name), asc(equipmentAuthorizations.level));

  return {
    personId,
    firstName: person.firstName,
    lastName: person.lastName,
    memberNumber: person.memberNumber,
    joinedOn: person.joinedOn,
    status: { key: person.statusKey, name: person.statusName },
    cards: cardRows,
    equipment,
  };
}
