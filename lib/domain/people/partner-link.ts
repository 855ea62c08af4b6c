import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { membershipTypes, people, profiles } from "@/lib/db/schema";
import { resolvePersonRef } from "./person-ref";
import { setPartner } from "./profile-settings";
import { recordAudit } from "../audit/record-audit";
import { fail, forbidden, type Result } from "./result";
import { actorMay } from "../shared/actor-may";

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
  /** Both agreed: each may edit the other's shared data. */
  mayEdit: boolean;
  /** This person's own agreement, and the partner's. */
  iAgree: boolean;
  partnerAgrees: boolean;
}

/** Who a person's partner is (name, number) and whether the board let them edit each other's shared data. */
export async function partnerOf(db: Db, personId: number): Promise<PartnerInfo | null> {
  const [own] = await db.select({ partner: profiles.partnerPersonId, mayEdit: profiles.partnerMayEdit }).from(profiles).where(eq(profiles.personId, personId));
  if (!own?.partner) return null;
  const [row] = await db
    .select({ firstName: profiles.firstName, lastName: profiles.lastName, memberNumber: people.memberNumber, agrees: profiles.partnerMayEdit })
    .from(people)
    .innerJoin(profiles, eq(profiles.personId, people.id))
    .where(eq(people.id, own.partner));
  if (!row) return null;
  return {
    personId: own.partner,
    name: `${row.firstName} ${row.lastName}`.trim(),
    memberNumber: row.memberNumber,
    mayEdit: own.mayEdit && row.agrees,
    iAgree: own.mayEdit,
    partnerAgrees: row.agrees,
  };
}

/** Membership types with the partner rate, for the hint next to the partner link. */
export async function partnerRateTypes(db: Db): Promise<string[]> {
  return (await db.select({ name: membershipTypes.name }).from(membershipTypes).where(eq(membershipTypes.partnerRate, true))).map((r) => r.name);
}

/**
 * A partner agrees (or no longer agrees) that the two may edit each other's shared data. It takes both: either
 * withdrawing ends it. Only one's own agreement, never the partner's.
 */
export async function setPartnerConsent(db: Db, personId: number, agree: boolean): Promise<Result> {
  return db.transaction(async (tx) => {
    const [own] = await tx
      .select({ partner: profiles.partnerPersonId, agrees: profiles.partnerMayEdit })
      .from(profiles)
      .where(eq(profiles.personId, personId))
      .for("update");
    if (!own?.partner) return fail("not_found", "You have no partner linked.");
    if (own.agrees === agree) return { ok: true as const };
    await tx.update(profiles).set({ partnerMayEdit: agree, updatedAt: new Date() }).where(eq(profiles.personId, personId));
    await recordAudit(tx, {
      actorId: personId,
      subjectPersonId: personId,
      changeType: "profile.partner_consent",
      entity: "profile",
      entityId: personId,
      before: { partnerMayEdit: own.agrees },
      after: { partnerMayEdit: agree },
    });
    return { ok: true as const };
  });
}
