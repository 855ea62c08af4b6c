import type { Aedes, AedesOptions, AedesPublishPacket, Client } from "aedes";
import type { Logger } from "pino";
import type { Asker, BoardRequestIntake } from "../handlers/intake";
import type { BrokerMetrics } from "../metrics";
import type { BrokerPolicy, ClientInfo } from "../policy";
import { parseRequestTopic } from "../protocol";
import type { SettledMessage } from "../settled-messages";

const REPLY_TOPIC = /^machine\/[^/]+\/reply$/;
const COMMAND_TOPIC = /^machine\/[^/]+\/request$/;

export interface HookOptions {
  policy: BrokerPolicy;
  logger: Logger;
  metrics: BrokerMetrics;
  /** The broker these hooks are given to (created from them, so reached late). */
  aedes: () => Aedes | undefined;
  /** Where authorised board requests go (set once the broker is up). */
  intake: () => BoardRequestIntake | undefined;
  /** CONNECT must arrive within this after the TCP connect (default 10 s). */
  connectTimeoutMs?: number;
  /** Told when a client's publish is done with: refused, or handled and answered (settled-messages.ts, for tests). */
  settled?: (message: SettledMessage) => void;
}

/**
 * Adapts the promise-based policy to Aedes and adds what is per connection rather than per client id:
 * - a second connection with a client id in use gets a private id instead of taking the first one over (boards
 *   pick BOARD<0-999> at random; whoever connects with a paired board's id does not disconnect it);
 * - replies go to the connection that asked, and only to it (a reply is recognised by its payload buffer);
 *   remote commands only to the machine's own board. There is no correlation id: whoever else received a reply
 *   could take it for theirs, or read who was let in.
 * A throwing policy denies; it never crashes the broker.
 */
export function aedesHooks(o: HookOptions): AedesOptions & { publishTo(client: Client, topic: string, payload: Buffer): Promise<void> } {
  const { policy, logger, metrics } = o;
  const wireIds = new WeakMap<Client, string>();
  const infos = new WeakMap<Client, ClientInfo>();
  const addressees = new WeakMap<Buffer, Client>();
  /** Per connection, the end of its last publish check: each waits for the one before it (see authorizePublish). */
  const publishChecks = new WeakMap<Client, Promise<void>>();
  let seq = 0;

  const info = (client: Client): ClientInfo => {
    let known = infos.get(client);
    if (!known) {
      const conn = client.conn as { remoteAddress?: string };
      known = { id: wireIds.get(client) ?? client.id, remoteAddress: conn.remoteAddress, key: client, close: () => client.close() };
      infos.set(client, known);
    }
    return known;
  };
  /** Runs the policy (a throw denies) and answers Aedes; a throw while answering is logged, never left unhandled. */
  const decide = (what: string, run: () => boolean | Promise<boolean>, answer: (ok: boolean) => void): void => {
    Promise.resolve()
      .then(run)
      .catch((error: unknown) => {
        logger.error({ err: error }, `${what} policy failed; denying`);
        return false;
      })
      .then(answer)
      .catch((error: unknown) => logger.error({ err: error }, `${what}: answering the client failed`));
  };

  const settledOf = (client: Client, topic: string, payload: Buffer) => {
    try {
      o.settled?.({ clientId: wireIds.get(client) ?? client.id, topic, payload });
    } catch (error) {
      logger.error({ err: error }, "a settled-message listener failed");
    }
  };

  const publishTo = (client: Client, topic: string, payload: Buffer) =>
    new Promise<void>((resolve, reject) => {
      addressees.set(payload, client);
      // Published as the backend: bypasses authorizePublish by design (boards may not publish replies, we may).
      o.aedes()!.publish({ cmd: "publish", topic, payload, qos: 0, retain: false, dup: false }, (error) => (error ? reject(error) : resolve()));
    });

  return {
    connectTimeout: o.connectTimeoutMs ?? 10_000,
    publishTo,
    preConnect(client, packet, done) {
      const wire = packet.clientId;
      wireIds.set(client, wire);
      if (wire && clientsOf(o.aedes())?.[wire]) {
        const suffix = `#${(++seq).toString(36)}`;
        packet.clientId = packet.protocolVersion === 3 ? wire.slice(0, 23 - suffix.length) + suffix : wire + suffix;
        logger.debug({ clientId: wire, as: packet.clientId }, "client id in use by another connection; this one gets its own");
      }
      done(null, true);
    },
    authenticate(client, username, password, done) {
      decide(
        "authenticate",
        () => policy.authenticate(info(client), username, password),
        (ok) => {
          if (!ok) logger.warn({ clientId: wireIds.get(client), username, remoteAddress: info(client).remoteAddress }, "connection refused");
          done(null, ok);
        },
      );
    },
    authorizePublish(client, packet, done) {
      // client is null only for a will published after its client is gone; boards send no will.
      if (!client) return done(new Error("no client"));
      const payload = typeof packet.payload === "string" ? Buffer.from(packet.payload) : packet.payload;
      // Aedes hands a whole socket read to its handlers at once, so a board's `alive` and the request right behind it
      // would be judged side by side — the request before the alive paired the board. One connection's publishes
      // are judged in the order they came, each after the one before it has been decided.
      const before = publishChecks.get(client) ?? Promise.resolve();
      const checked = new Promise<void>(
        (resolve) =>
          void before.then(() =>
            decide(
              "publish",
              () => policy.authorizePublish(info(client), packet.topic, payload),
              (ok) => {
                resolve();
                if (ok) return done(null);
                metrics.rejected++;
                logger.warn({ clientId: info(client).id, topic: packet.topic.slice(0, 100) }, "publish refused");
                settledOf(client, packet.topic, payload);
                // MQTT 3.1.1 cannot refuse a QoS 0 publish: Aedes closes the connection, the board reconnects.
                done(new Error("publish not authorized"));
              },
            ),
          ),
      );
      publishChecks.set(client, checked);
    },
    authorizeSubscribe(client, subscription, done) {
      decide(
        "subscribe",
        () => policy.authorizeSubscribe(info(client), subscription.topic),
        (ok) => {
          if (!ok) logger.warn({ clientId: info(client).id, topic: subscription.topic.slice(0, 100) }, "subscribe refused");
          // A null subscription tells Aedes to answer SUBACK with failure instead of dropping the client.
          done(null, ok ? subscription : null);
        },
      );
    },
    authorizeForward(client, packet: AedesPublishPacket) {
      if (REPLY_TOPIC.test(packet.topic)) return addressees.get(packet.payload as Buffer) === client ? packet : null;
      if (COMMAND_TOPIC.test(packet.topic)) return (policy.mayReceiveCommand?.(info(client), packet.topic) ?? true) ? packet : null;
      return packet;
    },
    published(packet, client, done) {
      done();
      if (!client) return;
      const payload = typeof packet.payload === "string" ? Buffer.from(packet.payload) : packet.payload;
      const target = parseRequestTopic(packet.topic);
      const intake = o.intake();
      if (!target || !intake) return settledOf(client, packet.topic, payload);
      const asker: Asker = {
        clientId: info(client).id,
        trusted: policy.isTrusted?.(info(client), target.boardId) ?? true,
        reply: (topic, bytes) => publishTo(client, topic, bytes),
      };
      void intake.take(packet.topic, payload, asker).then(() => settledOf(client, packet.topic, payload));
    },
  };
}

// Aedes keeps its connected clients by id; the field is public in the code but missing from its types.
const clientsOf = (aedes: Aedes | undefined) => (aedes as unknown as { clients?: Record<string, Client> } | undefined)?.clients;

/** Called by the broker when a connection is gone. */
export function forgetClient(policy: BrokerPolicy, client: Client): void {
  policy.disconnected?.({ id: client.id, key: client });
}
