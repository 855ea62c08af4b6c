import { isBackendOnlyTopic } from "./protocol";

/** What the policy sees of a connection; deliberately not the Aedes client, so rules stay testable. */
export interface ClientInfo {
  id: string;
  remoteAddress?: string;
  /** Identity of the connection (the Aedes client object): state from CONNECT is kept per connection, not per id. */
  key?: object;
}

/**
 * Who may connect and what they may publish/subscribe. Async so credential checks (argon2, database) fit in;
 * the broker treats a rejection as "no". The production policy is `machinePolicy` (board-policy.ts).
 */
export interface BrokerPolicy {
  authenticate(client: ClientInfo, username: string | undefined, password: Buffer | undefined): boolean | Promise<boolean>;
  authorizePublish(client: ClientInfo, topic: string): boolean | Promise<boolean>;
  authorizeSubscribe(client: ClientInfo, topic: string): boolean | Promise<boolean>;
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
  };
}
