import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { equipmentTypes, trainingRequests } from "@/lib/db/schema";
import { recordAudit } from "../audit/record-audit";
import { currentLevels, typesTrainedBy } from "../equipment/authority";
import type { RelationshipLevel } from "../machine-access/decide-machine-use";
import { fail, type Result } from "../equipment/result";
import { namesShownTo, shownNameOr } from "../people/shown-names";
import type { Viewer } from "../people/visibility";

export const requestInput = z.object({
  equipmentTypeId: z.number().int().positive(),
  level: z.enum(["user", "owner", "trainer"]).default("user"),
  note: z.string().trim().max(500).default(""),
});

export type RequestFailure = "invalid" | "unknown_type" | "already_requested" | "already_authorized" | "not_found";

const open = and(isNull(trainingRequests.fulfilledAt), isNull(trainingRequests.withdrawnAt));

/** "I would like a training": one open request per person, type and level; fulfilled when the person earns it. */
export async function requestTraining(
  db: Db,
  personId: number,
  raw: z.input<typeof requestInput>,
  now = new Date(),
): Promise<Result<{ id: number }, RequestFailure>> {
  const parsed = requestInput.safeParse(raw);
  if (!parsed.success) return fail("invalid", "Choose an equipment type and a level.");
  const r = parsed.data;
  const [type] = await db.select().from(equipmentTypes).where(eq(equipmentTypes.id, r.equipmentTypeId));
  if (!type) return fail("unknown_type", "This equipment type does not exist.");
  if ((await currentLevels(db, personId, type.id, now)).has(r.level)) return fail("already_authorized", "You already hold this authorization.");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(trainingRequests)
      .values({ personId, ...r, createdAt: now })
      .onConflictDoNothing()
      .returning();
    if (!row) return fail("already_requested", "You have asked for this training already; trainers can see it.");
    await recordAudit(tx, {
      actorId: personId,
      subjectPersonId: personId,
      changeType: "training_request.create",
      entity: "training_request",
      entityId: row.id,
      after: r,
    });
    return { ok: true as const, id: row.id };
  });
}

export async function withdrawRequest(db: Db, personId: number, requestId: number, now = new Date()): Promise<Result<object, RequestFailure>> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(trainingRequests)
      .set({ withdrawnAt: now })
      .where(and(eq(trainingRequests.id, requestId), eq(trainingRequests.personId, personId), open))
      .returning();
    if (!row) return fail("not_found", "This request is not open.");
    await recordAudit(tx, {
      actorId: personId,
      subjectPersonId: personId,
      changeType: "training_request.withdraw",
      entity: "training_request",
      entityId: requestId,
      after: { withdrawnAt: now },
    });
    return { ok: true as const };
  });
}

export interface OpenRequest {
  id: number;
  personId: number;
  personName: string;
  equipmentTypeId: number;
  equipmentTypeName: string;
  level: RelationshipLevel;
  note: string;
  createdAt: Date;
}

/** The demand a trainer can serve: open requests on the types they train, longest waiting first; each requester named as they let the trainer see. */
export async function listOpenRequestsForTrainer(db: Db, trainer: Viewer & { personId: number }, now = new Date()): Promise<OpenRequest[]> {
  const types = await typesTrainedBy(db, trainer.personId, now);
  if (types.length === 0) return [];
  const rows = await db
    .select({ r: trainingRequests, typeName: equipmentTypes.name })
    .from(trainingRequests)
    .innerJoin(equipmentTypes, eq(equipmentTypes.id, trainingRequests.equipmentTypeId))
    .where(
      and(
        open,
        inArray(
          trainingRequests.equipmentTypeId,
          types.map((t) => t.id),
        ),
      ),
    )
    .orderBy(asc(trainingRequests.createdAt), asc(trainingRequests.id));
  const names = await namesShownTo(
    db,
    trainer,
    rows.map(({ r }) => r.personId),
  );
  return rows.map(({ r, typeName }) => ({
    id: r.id,
    personId: r.personId,
    personName: shownNameOr(names, r.personId),
    equipmentTypeId: r.equipmentTypeId,
    equipmentTypeName: typeName,
    level: r.level,
    note: r.note,
    createdAt: r.createdAt,
  }));
}

export async function listMyOpenRequests(
  db: Db,
  personId: number,
): Promise<{ id: number; equipmentTypeId: number; equipmentTypeName: string; level: RelationshipLevel; createdAt: Date }[]> {
  const rows = await db
    .select({ r: trainingRequests, typeName: equipmentTypes.name })
    .from(trainingRequests)
    .innerJoin(equipmentTypes, eq(equipmentTypes.id, trainingRequests.equipmentTypeId))
    .where(and(eq(trainingRequests.personId, personId), open))
    .orderBy(desc(trainingRequests.createdAt));
  return rows.map(({ r, typeName }) => ({ id: r.id, equipmentTypeId: r.equipmentTypeId, equipmentTypeName: typeName, level: r.level, createdAt: r.createdAt }));
}
