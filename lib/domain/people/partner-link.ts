import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { membershipTypes, people, profiles } from "@/lib/db/schema";
import { resolvePersonRef } from "./person-ref";
import { setPartner } from "./profile-settings";
import { actorMay, fail, forbidden, type Result } from "./result";

/** The admin names the partner the way people are known at the desk: member number or email (or picks them). */
export function findPersonByRef(db: Db, ref: string): Promise<number | null> {
  return resolvePersonRef(db, ref);
}

/** Links the partner named by member number or email (setPartner checks the pair). */
export async function linkPartnerByRef(db: Db, actorId: number, personId: number, ref: string, mayEdit: boolean): Promise<Result> {
  // Permission first: otherwise anyone could probe which numbers and emails exist.
  if (!(await actorMay(db, actorId, "members.write"))) return forbidden();
  const partnerId = await findPersonByRef(db, ref);
  if (partnerId === null) return fail("not_found", `Nobody has the member number or email "${ref.trim()}".`, { field: "partner" });
  return setPartner(db, actorId, personId, partnerId, mayEdit);
}

export interface PartnerInfo {
  personId: number;
  name: string;
  memberNumber: number | null;
  mayEdit: boolean;
}

/** Who a person's partner is (name, number) and whether the board let them edit each other's shared data. */
export async function partnerOf(db: Db, personId: number): Promise<PartnerInfo | null> {
  const [own] = await db.select({ partner: profiles.partnerPersonId, mayEdit: profiles.partnerMayEdit }).from(profiles).where(eq(profiles.personId, personId));
  if (!own?.partner) return null;
  const [row] = await db
    .select({ firstName: profiles.firstName, lastName: profiles.lastName, memberNumber: people.memberNumber })
    .from(people)
    .innerJoin(profiles, eq(profiles.personId, people.id))
    .where(eq(people.id, own.partner));
  if (!row) return null;
  return { personId: own.partner, name: `${row.firstName} ${row.lastName}`.trim(), memberNumber: row.memberNumber, mayEdit: own.mayEdit };
}

/** Membership types with the partner rate, for the hint next to the partner link. */
export async function partnerRateTypes(db: Db): Promise<string[]> {
  return (await db.select({ name: membershipTypes.name }).from(membershipTypes).where(eq(membershipTypes.partnerRate, true))).map((r) => r.name);
}
