import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { machineCommands, machines } from "@/lib/db/schema";
import { recordAudit } from "../audit/record-audit";
import { normalizeCardUid } from "../cards/uid";
import { fail, type Result } from "./result";
import { actorMay } from "../shared/actor-may";
import { decideCardOnMachine } from "../machine-access/machine-use-facts";
import { isMachineOnline } from "./record-board-alive";
import { openSessionOf } from "./session-store";

export type CommandFailure = "forbidden" | "invalid" | "malformed_uid" | "uid_required" | "not_found" | "no_board" | "offline" | "not_allowed" | "not_in_use";

/** A command not picked up by a broker within this time is dropped: a machine starting minutes later surprises people. */
export const COMMAND_TTL_MS = 30_000;

/**
 * Remote start/stop by staff (machines.operate). Start: the card's holder must be allowed on the machine by the
 * one rule, and the machine online. Stop: logs out the card given, or whoever is logged in. Queued in the outbox;
 * the broker publishes it to machine/<board id>/request.
 */
export async function requestRemoteCommand(
  db: Db,
  actorId: number,
  input: { machineId: number; kind: "start" | "stop"; uid?: string; now?: Date },
): Promise<Result<{ commandId: number }, CommandFailure>> {
  const now = input.now ?? new Date();
  if (!(await actorMay(db, actorId, "machines.operate"))) return fail("forbidden", "You may not start or stop machines.");
  if (input.kind !== "start" && input.kind !== "stop") return fail("invalid", "Unknown command.");
  // The card typed is checked before the machine's state: what the form got wrong is said whatever the board does.
  let uid = input.uid ? normalizeCardUid(input.uid) : null;
  if (input.uid && !uid) return fail("malformed_uid", "A card UID is 8 hexadecimal digits (0-9, a-f), like 0a1b2c3d.", { field: "uid" });
  if (input.kind === "start" && !uid) return fail("uid_required", "Which card should be logged in?", { field: "uid" });
  const [machine] = await db.select().from(machines).where(eq(machines.id, input.machineId));
  if (!machine) return fail("not_found", "This machine does not exist.");
  if (machine.boardId === null) return fail("no_board", "This machine has no board.");
  if (!(await isMachineOnline(db, machine.id, now))) return fail("offline", "The machine's board has not reported in the last 90 seconds.");
  if (uid && input.kind === "start") {
    const decision = await decideCardOnMachine(db, { uid, machineId: machine.id, now });
    if (!decision?.allowed) return fail("not_allowed", `This card may not use the machine (${decision ? decision.reason : "unknown"}).`);
  }
  // Stop without a card: whoever is logged in.
  uid ??= (await openSessionOf(db, machine.id))?.cardUid ?? null;
  if (!uid) return fail("not_in_use", "Nobody is logged in on this machine.");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(machineCommands)
      .values({ machineId: machine.id, kind: input.kind, cardUid: uid, requestedById: actorId, createdAt: now })
      .returning();
    await recordAudit(tx, {
      actorId,
      changeType: `machine.remote_${input.kind}`,
      entity: "machine",
      entityId: machine.id,
      after: { commandId: row!.id, cardUid: uid },
    });
    return { ok: true as const, commandId: row!.id };
  });
}

export interface ClaimedCommand {
  id: number;
  boardId: number;
  kind: "start" | "stop";
  uid: string;
}

/**
 * Takes the pending commands for this broker instance (marks them sent before publishing: a lost command is
 * better than a machine started twice) and expires those too old to send. Safe with several brokers (SKIP LOCKED).
 */
export async function claimPendingCommands(db: Db, instanceId: string, now = new Date(), limit = 50): Promise<ClaimedCommand[]> {
  const cutoff = new Date(now.getTime() - COMMAND_TTL_MS);
  // One statement, not a transaction: the broker asks every 500 ms, and on the embedded database a transaction
  // holds the one session through each of its round trips (six here), every other client waiting behind it.
  // One snapshot for both parts: a row committed meanwhile is neither expired nor claimed by this round.
  const rows = await db.execute<{ id: number; board_id: number; kind: "start" | "stop"; card_uid: string }>(sql`
    with expired as (
      update machine_commands set status = 'expired' where status = 'pending' and created_at < ${cutoff.toISOString()}::timestamptz
    ), claimed as (
      update machine_commands set status = 'sent', sent_at = ${now.toISOString()}::timestamptz, sent_by = ${instanceId}
      where id in (
        select id from machine_commands where status = 'pending' and created_at >= ${cutoff.toISOString()}::timestamptz
        order by id limit ${limit} for update skip locked
      )
      returning id, machine_id, kind, card_uid
    )
    select c.id, m.board_id, c.kind, c.card_uid from claimed c join ${machines} m on m.id = c.machine_id
    where m.board_id is not null order by c.id`);
  return [...rows].map((r) => ({ id: r.id, boardId: r.board_id, kind: r.kind, uid: r.card_uid }));
}
