import { randomInt } from "node:crypto";
import { and, eq, ne } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { machines } from "@/lib/db/schema";
import { recordAudit } from "../audit/record-audit";
import { hashPassword, verifyPassword } from "../auth/passwords";
import { fail, type Result } from "./result";
import { actorMay } from "../shared/actor-may";

export type CredentialFailure = "forbidden" | "invalid" | "not_found" | "username_taken";

// Compiled into firmware: letters, digits and a few safe separators only.
const username = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._-]{3,64}$/, "3–64 letters, digits, dots, dashes or underscores");
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
const PASSWORD_LENGTH = 24; // ~138 bits from an alphabet that survives any firmware build config

function generatePassword(): string {
  return Array.from({ length: PASSWORD_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}

/**
 * Sets or rotates a machine's board credentials. The password is generated, returned this once and stored only
 * as an argon2id hash. From now on the machine's board must present them; anonymous boards are refused for it (pairing no longer applies).
 */
export async function setBoardCredentials(
  db: Db,
  actorId: number,
  input: { machineId: number; username?: string },
): Promise<Result<{ username: string; password: string }, CredentialFailure>> {
  if (!(await actorMay(db, actorId, "equipment.manage"))) return fail("forbidden", "You may not manage boards.");
  const [machine] = await db.select().from(machines).where(eq(machines.id, input.machineId));
  if (!machine) return fail("not_found", "This machine does not exist.");
  const parsed = username.safeParse(input.username ?? machine.boardUsername ?? `board-${machine.boardId ?? machine.id}`);
  if (!parsed.success) return fail("invalid", `Board username: ${parsed.error.issues[0]!.message}`);
  const password = generatePassword();
  const boardPasswordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [clash] = await tx
      .select({ name: machines.name })
      .from(machines)
      .where(and(eq(machines.boardUsername, parsed.data), ne(machines.id, machine.id)));
    if (clash) return fail("username_taken", `The board username ${parsed.data} is used by ${clash.name}.`);
    await tx.update(machines).set({ boardUsername: parsed.data, boardPasswordHash, updatedAt: new Date() }).where(eq(machines.id, machine.id));
    await recordAudit(tx, {
      actorId,
      changeType: machine.boardPasswordHash ? "machine.board_credentials.rotate" : "machine.board_credentials.set",
      entity: "machine",
      entityId: machine.id,
      // Whether a password is set, never its hash (issue 13): the audit log is read by more people than the database.
      before: { boardUsername: machine.boardUsername, boardPassword: machine.boardPasswordHash ? "set" : "none" },
      after: { boardUsername: parsed.data, boardPassword: machine.boardPasswordHash ? "rotated" : "set" },
    });
    return { ok: true as const, username: parsed.data, password };
  });
}

/** Removes a machine's board credentials (its board then connects anonymously and must be paired). */
export async function clearBoardCredentials(db: Db, actorId: number, input: { machineId: number }): Promise<Result<object, CredentialFailure>> {
  if (!(await actorMay(db, actorId, "equipment.manage"))) return fail("forbidden", "You may not manage boards.");
  return db.transaction(async (tx) => {
    const [machine] = await tx.select().from(machines).where(eq(machines.id, input.machineId)).for("update");
    if (!machine) return fail("not_found", "This machine does not exist.");
    await tx.update(machines).set({ boardUsername: null, boardPasswordHash: null, updatedAt: new Date() }).where(eq(machines.id, machine.id));
    await recordAudit(tx, {
      actorId,
      changeType: "machine.board_credentials.clear",
      entity: "machine",
      entityId: machine.id,
      before: { boardUsername: machine.boardUsername, boardPassword: machine.boardPasswordHash ? "set" : "none" },
      after: { boardUsername: null, boardPassword: "none" },
    });
    return { ok: true as const };
  });
}

/** What the broker needs to check a board's CONNECT: the machine a username belongs to and its password hash. */
export async function boardLoginOf(db: Db, boardUsername: string): Promise<{ machineId: number; boardId: number | null; passwordHash: string } | null> {
  const [row] = await db
    .select({ machineId: machines.id, boardId: machines.boardId, passwordHash: machines.boardPasswordHash })
    .from(machines)
    .where(eq(machines.boardUsername, boardUsername));
  return row?.passwordHash ? { ...row, passwordHash: row.passwordHash } : null;
}

export { verifyPassword as verifyBoardPassword };
