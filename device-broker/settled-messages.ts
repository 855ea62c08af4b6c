import { EventEmitter } from "node:events";
import { byPort } from "./by-port";

/** A board's publish the broker is done with: refused, or handled and its reply (if any) published. */
export interface SettledMessage {
  /** The client id as the client sent it. */
  clientId: string;
  topic: string;
  payload: Buffer;
}

export type SettledMessages = EventEmitter<{ settled: [SettledMessage] }>;

/**
 * The embedded brokers running in this process, by port, each telling when it is done with a board's publish. A test
 * hook: a board client awaits its own message instead of sleeping for a reply that must not come (with nobody
 * listening an emit costs nothing). The broker itself never listens.
 */
const brokers = byPort<SettledMessages>();

/** The messages settled by the embedded broker on `port` in this process, if one runs here. */
export const settledMessagesOn = brokers.on;

/** Called by the broker once it listens on `port`; the returned function when it has stopped. */
export const announceSettledMessages = brokers.announce;
