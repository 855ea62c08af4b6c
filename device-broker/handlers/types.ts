import type { Logger } from "pino";
import type { Db } from "@/lib/db/client";
import type { BrokerMetrics } from "../metrics";
import type { PresenceRecorder } from "../presence";
import type { DecisionSnapshot } from "../snapshot/decision-snapshot";
import type { BoardWrites } from "../spool/board-writes";
import type { DatabaseHealth } from "../database-health";
import type { Action, Reply, RequestOf } from "../protocol";

export interface HandlerContext {
  db: Db;
  logger: Logger;
  metrics: BrokerMetrics;
  /** Notes each machine heard from (online = heard in the last 90 s); absent where nobody writes presence. */
  presence?: PresenceRecorder;
  /** Decisions from memory (no database round trip; still answers while the database is down). Absent: database. */
  snapshot?: DecisionSnapshot;
  /** Board-written facts through the spool when the database cannot take them. Absent: straight to the database. */
  writes?: BoardWrites;
  /** Whether the database answers (with a snapshot only): without a spool, a write is not tried while it is away. */
  health?: DatabaseHealth;
  /** Where the boards' offline queues as followed so far are kept across a restart (replay-bursts.ts); absent: memory only. */
  replayQueueFile?: string;
  /** Without a spool: how long after its arrival a board's fact may still be written (default UNSPOOLED_WRITE_MS). */
  unspooledWriteMs?: number;
}

export interface BoardRequest<A extends Action = Action> {
  boardId: number;
  replyTopic: string;
  request: RequestOf<A>;
  /** When the broker got the message: the time every record of it carries, even if written later (spool). */
  receivedAt: Date;
  /** The connection it came from (embedded broker); absent: trusted (an external broker's ACL decided). */
  from?: { clientId: string; trusted: boolean };
}

/** Whether a request comes from the machine's own board (only such requests say the machine is online). */
export const fromMachineBoard = (req: BoardRequest): boolean => req.from?.trusted !== false;

/** A reply and how to fit it into the board's budget: which string fields may be shortened, in order. */
export interface Outgoing {
  reply: Reply;
  shrinkable?: readonly string[];
}

/** Resolves to the reply to send, or null for none; may reject — the dispatcher catches and counts it. */
export type ActionHandler<A extends Action> = (ctx: HandlerContext, req: BoardRequest<A>) => Promise<Outgoing | null>;

export type HandlerRegistry = { [A in Action]?: ActionHandler<A> };
