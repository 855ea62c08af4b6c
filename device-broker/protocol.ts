import { z } from "zod";
import { CARD_UID_PATTERN } from "@/lib/domain/cards/uid";

/** Board requests are a few dozen bytes; anything past this is garbage or an attack and is dropped unread. */
export const MAX_REQUEST_BYTES = 1024;
/** The board's MQTT buffer is 300 bytes: topic + payload of a reply must stay below this. */
export const REPLY_BUDGET_BYTES = 280;

// ---- topics ----------------------------------------------------------------------------------------------

// Board ids are 0..999999 (machines.board_id); more digits cannot name a machine.
const REQUEST_TOPIC = /^machine\/(\d{1,6})$/;

export interface RequestTopic {
  boardId: number;
  /** Built from the topic as received: a board configured as "01" listens on machine/01/reply. */
  replyTopic: string;
}

export function parseRequestTopic(topic: string): RequestTopic | null {
  const match = REQUEST_TOPIC.exec(topic);
  if (!match) return null;
  return { boardId: Number(match[1]), replyTopic: `${topic}/reply` };
}

/** Topics only the backend may publish to: replies, remote commands, and the broker's own `$SYS` tree. */
export function isBackendOnlyTopic(topic: string): boolean {
  if (topic.startsWith("$")) return true;
  const parts = topic.split("/");
  return parts.length === 3 && parts[0] === "machine" && (parts[2] === "reply" || parts[2] === "request");
}

// ---- requests --------------------------------------------------------------------------------------------

// The firmware sends lowercase; anything that enters is normalised anyway so EFBEADDE is the same card.
const uid = z.string().trim().toLowerCase().regex(CARD_UID_PATTERN);
const duration = z.number().int().nonnegative();
const replay = z.boolean().optional();

export const requestSchemas = {
  alive: z.object({
    action: z.literal("alive"),
    version: z.string().max(100).optional(),
    ip: z.string().max(64).optional(),
    serial: z.string().max(64).optional(),
    // A string holding an integer on current firmware; tolerate a number.
    heap: z.union([z.string().max(20), z.number()]).optional(),
  }),
  checkmachine: z.object({ action: z.literal("checkmachine") }),
  checkuser: z.object({ action: z.literal("checkuser"), uid }),
  startuse: z.object({ action: z.literal("startuse"), uid, replay }),
  inuse: z.object({ action: z.literal("inuse"), uid, duration, replay }),
  stopuse: z.object({ action: z.literal("stopuse"), uid, duration, replay }),
  maintenance: z.object({ action: z.literal("maintenance"), uid, replay }),
  synccache: z.object({ action: z.literal("synccache") }),
} as const;

export type Action = keyof typeof requestSchemas;
export type Request = { [A in Action]: z.infer<(typeof requestSchemas)[A]> }[Action];
export type RequestOf<A extends Action> = z.infer<(typeof requestSchemas)[A]>;

export type RejectReason = "too_large" | "not_json" | "no_action" | "unknown_action" | "invalid_fields";

export type ParsedRequest =
  | { ok: true; request: Request }
  | { ok: false; reason: RejectReason; /** set when the action is known, so the board can get request_ok:false */ action?: Action };

export function isAction(value: unknown): value is Action {
  return typeof value === "string" && Object.hasOwn(requestSchemas, value);
}

/** Never throws: every malformed payload comes back as a reason to count and log. */
export function parseRequest(payload: Buffer | Uint8Array): ParsedRequest {
  if (payload.byteLength > MAX_REQUEST_BYTES) return { ok: false, reason: "too_large" };
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength).toString("utf8"));
  } catch {
    return { ok: false, reason: "not_json" };
  }
  if (typeof json !== "object" || json === null || Array.isArray(json) || !("action" in json)) return { ok: false, reason: "no_action" };
  const action = json.action;
  if (!isAction(action)) return { ok: false, reason: "unknown_action" };
  const result = requestSchemas[action].safeParse(json);
  if (!result.success) return { ok: false, reason: "invalid_fields", action };
  return { ok: true, request: result.data };
}

/** Every action except `alive` expects exactly one reply. */
export function expectsReply(action: Action): boolean {
  return action !== "alive";
}

// ---- replies ---------------------------------------------------------------------------------------------

export type Reply = { request_ok: boolean } & Record<string, string | number | boolean | unknown[]>;

export const notSupportedReply = (): Reply => ({ request_ok: false, message: "Not supported" });
export const invalidRequestReply = (): Reply => ({ request_ok: false, message: "Invalid request" });

/**
 * Serialises a reply so that topic + payload stay under the board's budget, shortening the listed string
 * fields (in order, from the end, by whole characters) when needed. Returns null if even empty fields do not
 * fit, which a reply builder must never produce (synccache sends only the cards that fit).
 */
export function encodeReply(topic: string, reply: Reply, options: { shrinkable?: readonly string[] } = {}): Buffer | null {
  const topicBytes = Buffer.byteLength(topic);
  const fits = (payload: string) => topicBytes + Buffer.byteLength(payload) < REPLY_BUDGET_BYTES;
  let payload = JSON.stringify(reply);
  if (fits(payload)) return Buffer.from(payload);
  const shrunk: Reply = { ...reply };
  for (const field of options.shrinkable ?? []) {
    const value = shrunk[field];
    if (typeof value !== "string") continue;
    const chars = Array.from(value);
    // JSON escapes character by character, so dropping characters from the end frees exactly their cost.
    let over = topicBytes + Buffer.byteLength(JSON.stringify(shrunk)) - (REPLY_BUDGET_BYTES - 1);
    while (over > 0 && chars.length > 0) over -= Buffer.byteLength(JSON.stringify(chars.pop())) - 2;
    shrunk[field] = chars.join("");
    payload = JSON.stringify(shrunk);
    if (fits(payload)) return Buffer.from(payload);
  }
  return null;
}
