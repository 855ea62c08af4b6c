import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { boardPairingRequests, boardPairings, machines } from "@/lib/db/schema";
import { recordAudit } from "../audit/record-audit";
import type { BoardIdentity } from "./board-access";
import { openPairingWindow, pairedValues } from "./board-pairing";
import { fail, type Result } from "./result";
import { actorMay } from "../shared/actor-may";

// What an admin decides on a machine's operations page ("a new board wants machine 3 — pair / refuse").

export type PairingFailure = "forbidden" | "not_found" | "request_gone" | "has_credentials" | "invalid";

/** How long a window an admin opens lasts unless they choose otherwise. */
export const DEFAULT_WINDOW_MINUTES = 60;

async function manageable(db: Db, actorId: number, machineId: number): Promise<Result<{ hash: string | null }, PairingFailure>> {
  if (!(await actorMay(db, actorId, "equipment.manage"))) return fail("forbidden", "You may not manage boards.");
  const [machine] = await db.select({ hash: machines.boardPasswordHash }).from(machines).where(eq(machines.id, machineId));
  if (!machine) return fail("not_found", "This machine does not exist.");
  return { ok: true, hash: machine.hash };
}

/** A pairing request and its machine's credentials, if the actor may decide on it. */
async function decidableRequest(db: Db, actorId: number, requestId: number) {
  // Who may is asked first: whether a request exists is nobody else's business.
  if (!(await actorMay(db, actorId, "equipment.manage"))) return fail("forbidden" as const, "You may not manage boards.");
  const [request] = await db.select().from(boardPairingRequests).where(eq(boardPairingRequests.id, requestId));
  if (!request) return fail("request_gone" as const, "This request is gone (the board was paired or the request replaced).");
  const machine = await manageable(db, actorId, request.machineId);
  return machine.ok ? { ...machine, request } : machine;
}

/** An admin (re)opens the window, e.g. to swap a board: the next board heard on the machine's topic is paired. */
export async function reopenPairingWindow(db: Db, actorId: number, input: { machineId: number; minutes?: number }): Promise<Result<object, PairingFailure>> {
  const minutes = input.minutes ?? DEFAULT_WINDOW_MINUTES;
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 7 * 24 * 60) return fail("invalid", "A pairing window lasts 1 minute to 7 days.");
  const machine = await manageable(db, actorId, input.machineId);
  if (!machine.ok) return machine;
  if (machine.hash) return fail("has_credentials", "This machine's board logs in with credentials; it needs no pairing.");
  await db.transaction((tx) => openPairingWindow(tx, input.machineId, { actorId, minutes }));
  return { ok: true };
}

/** An admin closes an open window without waiting for a board. */
export async function closePairingWindow(db: Db, actorId: number, input: { machineId: number }): Promise<Result<object, PairingFailure>> {
  const machine = await manageable(db, actorId, input.machineId);
  if (!machine.ok) return machine;
  await db.transaction(async (tx) => {
    await tx.update(boardPairings).set({ windowOpenedAt: null, windowUntil: null }).where(eq(boardPairings.machineId, input.machineId));
    await recordAudit(tx, { actorId, changeType: "board.pairing_window.close", entity: "machine", entityId: input.machineId });
  });
  return { ok: true };
}

/** "A new board wants machine 3 — pair": the request's board becomes the machine's board (replacing the old one). */
export async function approvePairingRequest(db: Db, actorId: number, input: { requestId: number }): Promise<Result<{ machineId: number }, PairingFailure>> {
  const found = await decidableRequest(db, actorId, input.requestId);
  if (!found.ok) return found;
  const { request } = found;
  if (found.hash) return fail("has_credentials", "This machine's board logs in with credentials; it needs no pairing.");
  const now = new Date();
  const board: BoardIdentity = { serial: request.serial, ip: request.ip, remoteAddress: request.remoteAddress };
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(boardPairings).where(eq(boardPairings.machineId, request.machineId)).for("update");
    await tx
      .insert(boardPairings)
      .values({ machineId: request.machineId, ...pairedValues(board, now, actorId) })
      .onConflictDoUpdate({ target: boardPairings.machineId, set: pairedValues(board, now, actorId) });
    await tx.delete(boardPairingRequests).where(eq(boardPairingRequests.id, request.id));
    await recordAudit(tx, {
      actorId,
      changeType: "board.paired",
      entity: "machine",
      entityId: request.machineId,
      before: before ? { serial: before.serial, ip: before.ip, remoteAddress: before.remoteAddress } : null,
      after: { serial: request.serial, ip: request.ip, remoteAddress: request.remoteAddress, how: "admin" },
    });
  });
  return { ok: true, machineId: request.machineId };
}

/** "— refuse": the board stays unpaired and its request no longer shows as pending. */
export async function refusePairingRequest(db: Db, actorId: number, input: { requestId: number }): Promise<Result<{ machineId: number }, PairingFailure>> {
  const found = await decidableRequest(db, actorId, input.requestId);
  if (!found.ok) return found;
  const { request } = found;
  await db.transaction(async (tx) => {
    await tx
      .update(boardPairingRequests)
      .set({ status: "refused", decidedAt: new Date(), decidedById: actorId })
      .where(eq(boardPairingRequests.id, request.id));
    await recordAudit(tx, {
      actorId,
      changeType: "board.pairing_refused",
      entity: "machine",
      entityId: request.machineId,
      after: { serial: request.serial, ip: request.ip, remoteAddress: request.remoteAddress },
    });
  });
  return { ok: true, machineId: request.machineId };
}

/** Forgets the paired board: the machine then has none until an admin pairs one or opens the window. */
export async function unpairBoard(db: Db, actorId: number, input: { machineId: number }): Promise<Result<object, PairingFailure>> {
  const machine = await manageable(db, actorId, input.machineId);
  if (!machine.ok) return machine;
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(boardPairings).where(eq(boardPairings.machineId, input.machineId)).for("update");
    if (!before?.identityKey) return;
    await tx
      .update(boardPairings)
      .set({ identityKey: null, serial: null, ip: null, remoteAddress: null, pairedAt: null, pairedById: null })
      .where(eq(boardPairings.machineId, input.machineId));
    await recordAudit(tx, {
      actorId,
      changeType: "board.unpaired",
      entity: "machine",
      entityId: input.machineId,
      before: { serial: before.serial, ip: before.ip, remoteAddress: before.remoteAddress },
    });
  });
  return { ok: true };
}
