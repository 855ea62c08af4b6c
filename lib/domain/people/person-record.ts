import { asc, desc, eq, sql, type Placeholder } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { perDb } from "@/lib/db/prepared";
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
  profileStudies,
} from "@/lib/db/schema";
import { addressesOf } from "./address-service";
import { selectStudies, type PersonStudy } from "./study-fields";

/** The committee functions a person holds or held, the latest first: the person page's and the export's. */
function selectFunctions(db: Db, personId: number | Placeholder) {
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

export async function committeesOf(db: Db, personId: number) {
  return selectFunctions(db, personId);
}

const id = sql.placeholder("personId");
const recordStatements = perDb((db) => ({
  person: db
    .select({ p: people, s: membershipStatuses, profile: profiles })
    .from(people)
    .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
    .leftJoin(profiles, eq(profiles.personId, people.id))
    .where(eq(people.id, id))
    .prepare("person_record"),
  studies: selectStudies(db).where(eq(profileStudies.personId, id)).orderBy(asc(profileStudies.id)).prepare("person_studies"),
  memberships: db
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
    .where(eq(memberships.personId, id))
    .orderBy(desc(memberships.validFrom))
    .prepare("person_memberships"),
  cards: db.select().from(cards).where(eq(cards.personId, id)).orderBy(asc(cards.state), desc(cards.issuedAt)).prepare("person_cards"),
  equipment: db
    .select({ a: equipmentAuthorizations, type: equipmentTypes.name })
    .from(equipmentAuthorizations)
    .innerJoin(equipmentTypes, eq(equipmentTypes.id, equipmentAuthorizations.equipmentTypeId))
    .where(eq(equipmentAuthorizations.personId, id))
    .orderBy(asc(equipmentTypes.name), desc(equipmentAuthorizations.grantedAt))
    .prepare("person_equipment"),
  functions: selectFunctions(db, id).prepare("person_functions"),
  history: db
    .select()
    .from(auditLog)
    .where(eq(auditLog.subjectPersonId, id))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(200)
    .prepare("person_history"),
}));

/**
 * Everything the admin person page shows of the person: every statement prepared and sent at once (each one round
 * trip, none waiting for another), so a page holds the embedded database's one session only while it works.
 */
export async function getPersonRecord(db: Db, personId: number) {
  const s = recordStatements(db);
  const p = { personId };
  const [[row], studies, addresses, membershipRows, cardRows, equipment, functions, history] = await Promise.all([
    s.person.execute(p),
    s.studies.execute(p),
    addressesOf(db, personId),
    s.memberships.execute(p),
    s.cards.execute(p),
    s.equipment.execute(p),
    s.functions.execute(p),
    s.history.execute(p),
  ]);
  if (!row) return null;
  return {
    person: row.p,
    status: row.s,
    profile: row.profile,
    studies: studies satisfies PersonStudy[],
    addresses,
    memberships: membershipRows,
    cards: cardRows,
    equipment,
    functions,
    history,
  };
}
export type PersonRecord = NonNullable<Awaited<ReturnType<typeof getPersonRecord>>>;
