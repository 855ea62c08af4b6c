import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { people, profiles } from "@/lib/db/schema";
import { subjectRefusal } from "../access/containment";
import { outOfViewRefusal } from "../access/view-rights";
import { recordAudit } from "../audit/record-audit";
import { profileEditRefusal } from "./person-service";
import { fail, forbidden, notFound, type Result } from "./result";
import { actorMay } from "../shared/actor-may";
import { cleanVisibility, type VisibilityField } from "./visibility";
import { studiesOf } from "./study-fields";

/** A person's own profile and studies (the profile page), or null when the person has no profile. */
export async function ownProfile(db: Db, personId: number) {
  const [[profile], studies] = await Promise.all([db.select().from(profiles).where(eq(profiles.personId, personId)), studiesOf(db, [personId])]);
  return profile ? { profile, studies } : null;
}

/** A person (or the board) chooses who sees each field, and whether only the board sees anything at all. */
export async function setVisibility(
  db: Db,
  actorId: number,
  personId: number,
  input: { visibility: Record<string, unknown>; boardOnly: boolean },
): Promise<Result> {
  const refused = await profileEditRefusal(db, actorId, personId);
  if (refused) return refused;
  const visibility = cleanVisibility(input.visibility);
  return db.transaction(async (tx) => {
    const [before] = await tx.select({ visibility: profiles.visibility, boardOnly: profiles.boardOnly }).from(profiles).where(eq(profiles.personId, personId));
    if (!before) return notFound();
    await tx.update(profiles).set({ visibility, boardOnly: input.boardOnly, updatedAt: new Date() }).where(eq(profiles.personId, personId));
    const oldVisibility = cleanVisibility(before.visibility);
    // Keyed by what can change, so the audited field names are known (audit-labels.test.ts).
    const changedBefore: Partial<Record<`visibility.${VisibilityField}` | "boardOnly", unknown>> = {};
    const changedAfter: Partial<Record<`visibility.${VisibilityField}` | "boardOnly", unknown>> = {};
    for (const [field, audience] of Object.entries(visibility)) {
      if (oldVisibility[field as keyof typeof oldVisibility] !== audience) {
        changedBefore[`visibility.${field as VisibilityField}`] = oldVisibility[field as keyof typeof oldVisibility];
        changedAfter[`visibility.${field as VisibilityField}`] = audience;
      }
    }
    if (before.boardOnly !== input.boardOnly) {
      changedBefore.boardOnly = before.boardOnly;
      changedAfter.boardOnly = input.boardOnly;
    }
    if (Object.keys(changedAfter).length) {
      await recordAudit(tx, {
        actorId,
        subjectPersonId: personId,
        changeType: "profile.visibility",
        entity: "profile",
        entityId: personId,
        before: changedBefore,
        after: changedAfter,
      });
    }
    return { ok: true as const };
  });
}

/**
 * Links two people as partners (both directions), or unlinks with partnerId null. `mayEdit` lets each edit
 * the other's shared data (addresses); only the board decides that.
 */
export async function setPartner(db: Db, actorId: number, personId: number, partnerId: number | null, mayEdit = false): Promise<Result> {
  if (!(await actorMay(db, actorId, "members.write"))) return forbidden();
  if (partnerId === personId) return fail("invalid", "A person cannot be their own partner.", { field: "partnerPersonId" });
  return db.transaction(async (tx) => {
    const ids = partnerId === null ? [personId] : [personId, partnerId];
    const found = await tx.select({ id: people.id }).from(people).where(inArray(people.id, ids));
    if (found.length !== ids.length) return notFound();
    const [before] = await tx
      .select({ partner: profiles.partnerPersonId, mayEdit: profiles.partnerMayEdit })
      .from(profiles)
      .where(eq(profiles.personId, personId));
    if (!before) return notFound();
    // Linking lets partners edit each other's shared data and unlinks old partners: none of them may be outside the
    // actor's view rights or above the actor.
    const [other] = partnerId === null ? [] : await tx.select({ partner: profiles.partnerPersonId }).from(profiles).where(eq(profiles.personId, partnerId));
    for (const id of new Set([personId, partnerId, before.partner, other?.partner ?? null])) {
      const refused = id === null ? null : ((await outOfViewRefusal(tx, actorId, id)) ?? (await subjectRefusal(tx, actorId, id)));
      if (refused) return refused;
    }
    // Unlink old partners on both sides before linking the new pair; each profile unlinked here that is not
    // part of the new pair gets its own audit entry (the pair is audited below).
    const unlinked = new Map<number, { partnerPersonId: number | null; partnerMayEdit: boolean }>();
    for (const id of [personId, before.partner, partnerId]) {
      if (id === null) continue;
      const [p] = await tx.select({ partner: profiles.partnerPersonId }).from(profiles).where(eq(profiles.personId, id));
      if (p?.partner === null || p?.partner === undefined) continue;
      const [old] = await tx
        .select({ partner: profiles.partnerPersonId, mayEdit: profiles.partnerMayEdit })
        .from(profiles)
        .where(eq(profiles.personId, p.partner));
      if (old && old.partner !== null && !unlinked.has(p.partner)) unlinked.set(p.partner, { partnerPersonId: old.partner, partnerMayEdit: old.mayEdit });
      await tx.update(profiles).set({ partnerPersonId: null, partnerMayEdit: false }).where(eq(profiles.personId, p.partner));
    }
    for (const [id, was] of unlinked) {
      if (ids.includes(id)) continue;
      await recordAudit(tx, {
        actorId,
        subjectPersonId: id,
        changeType: "profile.partner",
        entity: "profile",
        entityId: id,
        before: was,
        after: { partnerPersonId: null, partnerMayEdit: false },
      });
    }
    await tx
      .update(profiles)
      .set({ partnerPersonId: partnerId, partnerMayEdit: partnerId !== null && mayEdit })
      .where(eq(profiles.personId, personId));
    if (partnerId !== null) await tx.update(profiles).set({ partnerPersonId: personId, partnerMayEdit: mayEdit }).where(eq(profiles.personId, partnerId));
    for (const id of ids) {
      await recordAudit(tx, {
        actorId,
        subjectPersonId: id,
        changeType: "profile.partner",
        entity: "profile",
        entityId: id,
        before: id === personId ? { partnerPersonId: before.partner, partnerMayEdit: before.mayEdit } : null,
        after: { partnerPersonId: id === personId ? partnerId : personId, partnerMayEdit: partnerId !== null && mayEdit },
      });
    }
    return { ok: true as const };
  });
}
