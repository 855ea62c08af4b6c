import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { cards, profiles } from "@/lib/db/schema";
import { boardDecision, decideMachineUse, type BoardLevel, type DenialReason } from "./decide-machine-use";
import { loadMachineUseFacts } from "./machine-use-facts";
import { recordUnknownCard } from "../usage/record-unknown-card";

export type CheckUserOutcome =
  | { kind: "allowed"; level: BoardLevel; firstName: string }
  | { kind: "unknown_card" }
  | { kind: "denied"; reason: Exclude<DenialReason, "unknown_card"> }
  | { kind: "unknown_machine" };

/**
 * checkuser: a card swiped at a machine, decided by the one rule. An unknown card is logged so an admin can turn
 * it into a member's card.
 */
export async function checkUserOnMachine(db: Db, ev: { machineId: number; uid: string; receivedAt: Date }): Promise<CheckUserOutcome> {
  const facts = await loadMachineUseFacts(db, { uid: ev.uid, machineId: ev.machineId, now: ev.receivedAt });
  if (!facts) return { kind: "unknown_machine" };
  const decision = boardDecision(decideMachineUse(facts));
  if (decision.allowed) return { kind: "allowed", level: decision.level, firstName: await firstNameOfCard(db, ev.uid) };
  if (decision.reason === "unknown_card") {
    await recordUnknownCard(db, { uid: ev.uid, machineId: ev.machineId, receivedAt: ev.receivedAt });
    return { kind: "unknown_card" };
  }
  return { kind: "denied", reason: decision.reason };
}

async function firstNameOfCard(db: Db, uid: string): Promise<string> {
  const [row] = await db
    .select({ firstName: profiles.firstName })
    .from(cards)
    .innerJoin(profiles, eq(profiles.personId, cards.personId))
    .where(and(eq(cards.uid, uid), eq(cards.state, "active")))
    .limit(1);
  // An erased profile has no name; the LCD still needs something to greet.
  return row?.firstName.trim() || "Member";
}
