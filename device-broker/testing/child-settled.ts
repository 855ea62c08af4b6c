import { byPort } from "../by-port";

/** Resolves once the broker has settled `count` publishes (in all) of the client that connected as `clientId`. */
export type SettledCount = (clientId: string, count: number) => Promise<void>;

/**
 * The brokers this process runs in a child process (broker-process.ts), by port: their settled messages
 * (settled-messages.ts) do not reach this process one by one, so a test awaits a client's count of them instead.
 */
const children = byPort<SettledCount>();

export const settledCountOn = children.on;

/** Called by broker-process.ts once its child listens on `port`; the returned function when it has stopped. */
export const announceSettledCount = children.announce;
