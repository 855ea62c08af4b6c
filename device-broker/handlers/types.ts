import type { Logger } from "pino";
import type { Db } from "@/lib/db/client";
import type { BrokerMetrics } from "../metrics";
import type { Action, Reply, RequestOf } from "../protocol";

export interface HandlerContext {
  db: Db;
  logger: Logger;
  metrics: BrokerMetrics;
}

export interface BoardRequest<A extends Action = Action> {
  boardId: number;
  replyTopic: string;
  request: RequestOf<A>;
}

/** A reply and how to fit it into the board's budget: which string fields may be shortened, in order. */
export interface Outgoing {
  reply: Reply;
  shrinkable?: readonly string[];
  exempt?: boolean;
}

/** Resolves to the reply to send, or null for none; may reject — the dispatcher catches and counts it. */
export type ActionHandler<A extends Action> = (ctx: HandlerContext, req: BoardRequest<A>) => Promise<Outgoing | null>;

export type HandlerRegistry = { [A in Action]?: ActionHandler<A> };
