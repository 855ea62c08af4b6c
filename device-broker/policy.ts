import { isBackendOnlyTopic } from "./protocol";

/** What the policy sees of a connection; deliberately not the Aedes client, so rules stay testable. */
export interface ClientInfo {
  id: string;
  remoteAddress?: string;
  /** Identity of the connection (the Aedes client object): state from CONNECT is kept per connection, not per id. */
  key?: object;
  /** Ends the connection (a board whose subscriptions were refused is made to reconnect once it is paired). */
  close?: () => void;
}

/**
 * Who may connect and what they may publish/subscribe. Async so credential checks (argon2, database) fit in;
 * the broker treats a rejection as "no". The production policy is `machinePolicy` (security/board-policy.ts).
 */
export interface BrokerPolicy {
  authenticate(client: ClientInfo, username: string | undefined, password: Buffer | undefined): boolean | Promise<boolean>;
  /** `payload` is the request as published (an unpaired board may only announce itself and ask about its machine). */
  authorizePublish(client: ClientInfo, topic: string, payload?: Buffer): boolean | Promise<boolean>;
  authorizeSubscribe(client: ClientInfo, topic: string): boolean | Promise<boolean>;
  /** Synchronous (called per delivery): may this connection receive the backend's remote commands on `topic`. */
  mayReceiveCommand?(client: ClientInfo, topic: string): boolean;
  /** Synchronous: do this connection's messages for `boardId` come from the machine's own board (paired or logged in). */
  isTrusted?(client: ClientInfo, boardId: number): boolean;
  /** The connection is gone (forget its state). */
  disconnected?(client: ClientInfo): void;
  /** What it decides on changed (the decision snapshot was reloaded). */
  refresh?(): void;
}

/**
 * For tests of the plumbing only: any client may connect and subscribe, but none may publish replies, remote
 * commands or into `$SYS` — a forged reply would be taken by a board as the backend's answer. The backend itself
 * publishes through `broker.publish`, which never passes through this check.
 */
export function openPolicy(): BrokerPolicy {
  return {
    authenticate: () => true,
    authorizePublish: (_client, topic) => !isBackendOnlyTopic(topic),
    authorizeSubscribe: () => true,
    mayReceiveCommand: () => true,
    isTrusted: () => true,
  };
}
