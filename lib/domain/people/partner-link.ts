import { eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { perDb } from "@/lib/db/prepared";
import type { Db } from "@/lib/db/client";
import { people, profiles } from "@/lib/db/schema";
import { resolvePersonRef } from "./person-ref";
import { setPartner } from "./profile-settings";
import { recordAudit } from "../audit/record-audit";
import { fail, forbidden, type Result } from "./result";
import { actorMay } from "../shared/actor-may";
import { outOfViewRefusal } from "../access/view-rights";

/** The admin names the partner the way people are known at the desk: member number or email (or picks them). */
export function findPersonByRef(db: Db, ref: string): Promise<number | null> {
  return resolvePersonRef(db, ref);
}

/** Links the partner named by member number or email (setPartner checks the pair). */
export async function linkPartnerByRef(db: Db, actorId: number, personId: number, ref: string, mayEdit: boolean): Promise<Result> {
  // Permission first: otherwise anyone could probe which numbers and emails exist.
  if (!(await actorMay(db, actorId, "members.write"))) return forbidden();
  const partnerId = await findPersonByRef(db, ref);
  // Someone outside the actor's view rights is answered as nobody: the link would show their name.
  if (partnerId === null || (await outOfViewRefusal(db, actorId, partnerId)))
    return fail("not_found", `Nobody has the member number or email "${ref.trim()}".`, { field: "partner" });
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
const partner = alias(profiles, "partner");
const partnerStatements = perDb((db) => ({
  // The person's own link and agreement with the partner's name in one prepared statement (the person pages).
  of: db
    .select({
      partner: profiles.partnerPersonId,
      mayEdit: profiles.partnerMayEdit,
      firstName: partner.firstName,
      lastName: partner.lastName,
      memberNumber: people.memberNumber,
      agrees: partner.partnerMayEdit,
    })
    .from(profiles)
    .leftJoin(people, eq(people.id, profiles.partnerPersonId))
    .leftJoin(partner, eq(partner.personId, people.id))
    .where(eq(profiles.personId, sql.placeholder("personId")))
    .prepare("partner_of"),
}));

export async function partnerOf(db: Db, personId: number): Promise<PartnerInfo | null> {
  const [row] = await partnerStatements(db).of.execute({ personId });
  if (!row?.partner || row.firstName === null || row.lastName === null || row.agrees === null) return null;
  return {
    personId: row.partner,
    name: `${row.firstName} ${row.lastName}`.trim(),
    memberNumber: row.memberNumber,
    mayEdit: row.mayEdit && row.agrees,
    iAgree: row.mayEdit,
    partnerAgrees: row.agrees,
  };
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
