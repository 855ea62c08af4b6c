import { and, asc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { sensorTokens } from "@/lib/db/schema";
import { recordAudit } from "../audit/record-audit";
import { fail, type Result } from "./result";
import { actorMay } from "../shared/actor-may";
import { newToken, tokenHash } from "../shared/one-time-token";
import { describeIssues } from "../shared/result";
import { constraintOf } from "../shared/db-errors";

/** A sensor's name; forms read it with this too, so a wrong one is named beside its field. */
export const sensorNameInput = z.string().trim().min(1, "required").max(60, "at most 60 characters");

export async function listSensorTokens(db: Db) {
  return db
    .select({
      id: sensorTokens.id,
      name: sensorTokens.name,
      createdAt: sensorTokens.createdAt,
      lastUsedAt: sensorTokens.lastUsedAt,
      revokedAt: sensorTokens.revokedAt,
    })
    .from(sensorTokens)
    .orderBy(asc(sensorTokens.name));
}

/** Admins create a token for a door sensor; the token is shown once, only its hash is kept. */
export async function createSensorToken(db: Db, actorId: number, rawName: string): Promise<Result<{ id: number; token: string }>> {
  if (!(await actorMay(db, actorId, "system.admin"))) return fail("forbidden", "Only admins manage sensor tokens.");
  const name = sensorNameInput.safeParse(rawName);
  if (!name.success) return fail("invalid", describeIssues(name.error.issues));
  const token = newToken();
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(sensorTokens)
        .values({ name: name.data, tokenHash: tokenHash(token), createdById: actorId })
        .returning();
      await recordAudit(tx, { actorId, changeType: "sensor_token.create", entity: "sensor_tokens", entityId: row!.id, after: { name: row!.name } });
      return { ok: true as const, id: row!.id, token };
    });
  } catch (error) {
    if (constraintOf(error) === "sensor_tokens_name_unique") return fail("duplicate_name", `A sensor named "${name.data}" already exists.`);
    throw error;
  }
}

export async function revokeSensorToken(db: Db, actorId: number, id: number, now = new Date()): Promise<Result> {
  if (!(await actorMay(db, actorId, "system.admin"))) return fail("forbidden", "Only admins manage sensor tokens.");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(sensorTokens)
      .set({ revokedAt: now })
      .where(and(eq(sensorTokens.id, id), isNull(sensorTokens.revokedAt)))
      .returning();
    if (!row) return fail("not_found", "No active sensor token with this id.");
    await recordAudit(tx, {
      actorId,
      changeType: "sensor_token.revoke",
      entity: "sensor_tokens",
      entityId: id,
      before: { name: row.name },
      after: { revokedAt: now.toISOString() },
    });
    return { ok: true as const };
  });
}

/** The sensor's name for a bearer token, or null (unknown or revoked). Compared by hash, so timing reveals nothing useful. */
export async function authenticateSensor(db: Db, token: string, now = new Date()): Promise<string | null> {
  if (!token || token.length > 200) return null;
  const [row] = await db
    .update(sensorTokens)
    .set({ lastUsedAt: now })
    .where(and(eq(sensorTokens.tokenHash, tokenHash(token)), isNull(sensorTokens.revokedAt)))
    .returning({ name: sensorTokens.name });
  return row?.name ?? null;
}
