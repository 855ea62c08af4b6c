import { LCD_NAME_CHARS, truncateChars, INVALID_MACHINE_REPLY } from "@/lib/domain/machine-access/check-machine-reply";
import type { CheckUserOutcome } from "@/lib/domain/machine-access/check-user";
import type { UsageOutcome } from "@/lib/domain/usage/events";
import type { MaintenanceOutcome } from "@/lib/domain/usage/record-maintenance";
import { REPLY_BUDGET_BYTES, type Reply } from "./protocol";

/*
 * Reply builders for the board actions: exactly the fields and key order of the protocol page, every field always
 * present (the firmware reads a missing one as 0/false).
 */

export const INVALID_CARD_REPLY: Reply = { request_ok: false, message: "Invalid card" };
export const NOT_AUTHORIZED_REPLY: Reply = { request_ok: false, message: "Not authorized" };

export function checkUserReply(outcome: CheckUserOutcome): Reply {
  switch (outcome.kind) {
    case "allowed":
      return { request_ok: true, is_valid: true, name: truncateChars(outcome.firstName, LCD_NAME_CHARS), missing_auth: false, level: outcome.level };
    case "unknown_card":
      return { request_ok: true, is_valid: false, name: "Unknown", missing_auth: false, level: 0 };
    case "denied":
      return { request_ok: true, is_valid: false, name: "Not authorized", missing_auth: true, level: 0 };
    case "unknown_machine":
      return INVALID_MACHINE_REPLY;
  }
}

/** startuse → "", inuse → "inUse", stopuse → "Duration N seconds"; the same answer for a replay or a duplicate. */
export function usageReply(action: "startuse" | "inuse" | "stopuse", outcome: UsageOutcome, duration = 0): Reply {
  if (!outcome.ok) return INVALID_CARD_REPLY;
  if (action === "inuse") return { request_ok: true, message: "inUse" };
  if (action === "stopuse") return { request_ok: true, message: `Duration ${duration} seconds` };
  return { request_ok: true, message: "" };
}

export function maintenanceReply(outcome: MaintenanceOutcome): Reply {
  if (outcome.ok) return { request_ok: true, message: "" };
  if (outcome.reason === "unknown_machine") return INVALID_MACHINE_REPLY;
  return outcome.reason === "unknown_card" ? INVALID_CARD_REPLY : NOT_AUTHORIZED_REPLY;
}

/**
 * The allowed cards that fit the board's buffer with the topic (280 bytes), in the order given (most recently used
 * first): the rest stay off this reply rather than overflow the firmware's 300-byte MQTT buffer.
 */
export function syncCacheReply(topic: string, cards: readonly { uid: string; level: number }[]): Reply {
  const entries = cards.map((c) => ({ uid: c.uid, level: c.level }));
  let room = REPLY_BUDGET_BYTES - 1 - Buffer.byteLength(topic) - Buffer.byteLength(JSON.stringify({ request_ok: true, cards: [] }));
  const fitting: typeof entries = [];
  for (const entry of entries) {
    const cost = Buffer.byteLength(JSON.stringify(entry)) + (fitting.length > 0 ? 1 : 0);
    if (cost > room) break;
    room -= cost;
    fitting.push(entry);
  }
  return { request_ok: true, cards: fitting };
}
