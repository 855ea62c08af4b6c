import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { equipmentAuthorizations, membershipStatuses, people, trainingRequests, type EquipmentType } from "@/lib/db/schema";
import { recordAudit } from "../audit/record-audit";
import { addMonths, type RelationshipLevel } from "../machine-access/decide-machine-use";

export interface NewAuthorization {
  personId: number;
  type: Pick<EquipmentType, "id" | "purpose" | "validityMonths">;
  level: RelationshipLevel;
  source: "training" | "grant";
  reason: string;
  grantedById: number;
  trainingSessionId?: number;
  now: Date;
}

/**
 * The one place an authorization is written, whether earned in a session or granted directly. Call inside a
 * transaction: it also fulfils the person's open training requests and applies the induction effects.
 */
export async function recordAuthorization(tx: Db, input: NewAuthorization): Promise<number> {
  const expiresAt = input.type.validityMonths ? addMonths(input.now, input.type.validityMonths) : null;
  const [row] = await tx
    .insert(equipmentAuthorizations)
    .values({
      personId: input.personId,
      equipmentTypeId: input.type.id,
      level: input.level,
      source: input.source,
      reason: input.reason,
      grantedAt: input.now,
      grantedById: input.grantedById,
      expiresAt,
      trainingSessionId: input.trainingSessionId ?? null,
    })
    .returning();
  await recordAudit(tx, {
    actorId: input.grantedById,
    subjectPersonId: input.personId,
    changeType: "authorization.grant",
    entity: "equipment_authorization",
    entityId: row!.id,
    after: {
      equipmentTypeId: input.type.id,
      level: input.level,
      source: input.source,
      reason: input.reason,
      expiresAt,
      trainingSessionId: input.trainingSessionId ?? null,
    },
  });
  await tx
    .update(trainingRequests)
    .set({ fulfilledAt: input.now })
    .where(
      and(
        eq(trainingRequests.personId, input.personId),
        eq(trainingRequests.equipmentTypeId, input.type.id),
        eq(trainingRequests.level, input.level),
        isNull(trainingRequests.fulfilledAt),
        isNull(trainingRequests.withdrawnAt),
      ),
    );
  if (input.type.purpose === "organisation") await admitApplicant(tx, input.personId, input.grantedById, input.now);
  return row!.id;
}

/** Passing the organisation's induction makes an applicant a member, with a member number from the sequence. */
async function admitApplicant(tx: Db, personId: number, actorId: number, now: Date): Promise<void> {
  const [current] = await tx
    .select({ statusKey: membershipStatuses.key, memberNumber: people.memberNumber, joinedOn: people.joinedOn })
    .from(people)
    .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
    .where(eq(people.id, personId))
    .for("update", { of: people });
  if (current?.statusKey !== "applicant") return;
  const [member] = await tx.select({ id: membershipStatuses.id }).from(membershipStatuses).where(eq(membershipStatuses.key, "member"));
  if (!member) throw new Error('The membership status "member" is missing');
  const [after] = await tx
    .update(people)
    .set({
      statusId: member.id,
      memberNumber: current.memberNumber ?? sql`nextval('member_number_seq')`,
      joinedOn: current.joinedOn ?? now,
      updatedAt: now,
    })
    .where(eq(people.id, personId))
    .returning();
  await recordAudit(tx, {
    actorId,
    subjectPersonId: personId,
    changeType: "person.admit",
    entity: "person",
    entityId: personId,
    before: { status: "applicant", memberNumber: current.memberNumber },
    after: { status: "member", memberNumber: after!.memberNumber, joinedOn: after!.joinedOn },
  });
}
