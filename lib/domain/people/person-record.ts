import { asc, desc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import {
  auditLog,
  cards,
  committeeFunctions,
  committees,
  equipmentAuthorizations,
  equipmentTypes,
  functionHolders,
  memberships,
  membershipStatuses,
  membershipTypes,
  people,
  profiles,
} from "@/lib/db/schema";
import { addressesOf, type PersonAddress } from "./address-service";
import { studiesOf } from "./study-fields";

export async function committeesOf(db: Db, personId: number) {
  return db
    .select({
      holderId: functionHolders.id,
      committee: committees.name,
      fn: committeeFunctions.name,
      since: functionHolders.since,
      until: functionHolders.until,
    })
    .from(functionHolders)
    .innerJoin(committeeFunctions, eq(committeeFunctions.id, functionHolders.functionId))
    .innerJoin(committees, eq(committees.id, committeeFunctions.committeeId))
    .where(eq(functionHolders.personId, personId))
    .orderBy(desc(functionHolders.since));
}

/** Everything the admin person page shows, in one read. */
export async function getPersonRecord(db: Db, personId: number) {
  const [row] = await db
    .select({ p: people, s: membershipStatuses, profile: profiles })
    .from(people)
    .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
    .leftJoin(profiles, eq(profiles.personId, people.id))
    .where(eq(people.id, personId));
  if (!row) return null;
  const [studies, addresses, membershipRows, cardRows, equipment, functions, history] = await Promise.all([
    studiesOf(db, [personId]),
    addressesOf(db, personId) as Promise<PersonAddress[]>,
    db
      .select({
        id: memberships.id,
        type: membershipTypes.name,
        typeKey: membershipTypes.key,
        validFrom: memberships.validFrom,
        validUntil: memberships.validUntil,
        endsAtYearEnd: memberships.endsAtYearEnd,
      })
      .from(memberships)
      .innerJoin(membershipTypes, eq(membershipTypes.id, memberships.typeId))
      .where(eq(memberships.personId, personId))
      .orderBy(desc(memberships.validFrom)),
    db.select().from(cards).where(eq(cards.personId, personId)).orderBy(asc(cards.state), desc(cards.issuedAt)),
    db
      .select({ a: equipmentAuthorizations, type: equipmentTypes.name })
      .from(equipmentAuthorizations)
      .innerJoin(equipmentTypes, eq(equipmentTypes.id, equipmentAuthorizations.equipmentTypeId))
      .where(eq(equipmentAuthorizations.personId, personId))
      .orderBy(asc(equipmentTypes.name), desc(equipmentAuthorizations.grantedAt)),
    committeesOf(db, personId),
    db.select().from(auditLog).where(eq(auditLog.subjectPersonId, personId)).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(200),
  ]);
  return {
    person: row.p,
    status: row.s,
    profile: row.profile,
    studies,
    addresses,
    memberships: membershipRows,
    cards: cardRows,
    equipment,
    functions,
    history,
  };
}
export type PersonRecord = NonNullable<Awaited<ReturnType<typeof getPersonRecord>>>;
