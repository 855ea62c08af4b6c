import net from "node:net";
import os from "node:os";
import { Aedes, type AedesOptions, type Client } from "aedes";
import type { Logger } from "pino";
import type { Db } from "@/lib/db/client";
import { guardSocket } from "./guard/guard-socket";
import { limitWarnings } from "./guard/log-limiter";
import { subscribeBoardRequests } from "./handlers/subscribe";
import type { HandlerRegistry } from "./handlers/types";
import { startBackgroundJobs } from "./background-jobs";
import { machinePolicy } from "./board-policy";
import { startHeartbeat } from "./heartbeat";
import { startOfflineSupport, type OfflineOptions, type OfflineSupport } from "./offline-support";
import { BrokerMetrics } from "./metrics";
import type { BrokerPolicy, ClientInfo } from "./policy";
import { PresenceRecorder } from "./presence";
import { parseRequestTopic } from "./protocol";

export interface StartBrokerOptions {
  db: Db;
  /** 0 picks a free port (tests). */
  port: number;
  host?: string;
  logger: Logger;
  /** Defaults to the machines' board credentials and ACLs (board-policy.ts). */
  policy?: BrokerPolicy;
  handlers?: HandlerRegistry;
  /** Defaults to host name and port, so a restarted broker updates its own heartbeat row. */
  instanceId?: string;
  heartbeatIntervalMs?: number;
  /** Remote command outbox poll (default 500 ms). */
  commandPollMs?: number;
  /** How often "heard from" times are written (default 5 s; online means heard within 90 s). */
  presenceFlushMs?: number;
  /** DATA_DIR: the spool lives in <dataDir>/spool. */
  dataDir?: string;
  snapshot?: OfflineOptions["snapshot"];
  /** A snapshot saved by an earlier run, already read by the caller (start while the database is down). */
  savedSnapshot?: OfflineOptions["savedSnapshot"];
  writeTimeoutMs?: number;
}

export interface RunningBroker {
  port: number;
  instanceId: string;
  metrics: BrokerMetrics;
  connectedClients(): number;
  /** The decision snapshot and the spool (tests refresh the one and wait for the other). */
  offline: OfflineSupport;
  close(): Promise<void>;
}

/** The embedded MQTT broker the boards connect to, answering their requests from the database. */
export async function startBroker(options: StartBrokerOptions): Promise<RunningBroker> {
  const { db, logger } = options;
  const metrics = new BrokerMetrics();
  const offlineRef: { current?: OfflineSupport } = {};
  const policy = options.policy ?? machinePolicy({ db, logger, fallback: () => offlineRef.current?.snapshot?.data ?? null });
  const publishers = new PublisherIds();
  const aedes = await Aedes.createBroker(aedesPolicy(policy, logger, metrics, publishers));
  const presence = new PresenceRecorder();
  aedes.on("clientError", (client, error) => logger.debug({ clientId: client.id, err: error.message }, "client error"));
  aedes.on("connectionError", (client, error) => logger.debug({ clientId: client.id, err: error.message }, "connection error"));
  aedes.on("client", (client) => logger.debug({ clientId: client.id }, "client connected"));
  aedes.on("clientDisconnect", (client) => logger.debug({ clientId: client.id }, "client disconnected"));

  // Rejections can come in floods (a broken board, a scanner): at most a few log lines per client a minute.
  const warnings = limitWarnings(logger);
  const server = net.createServer((socket) => {
    // Without it Nagle holds back each small reply until the board's delayed ACK: 40–90 ms per request.
    socket.setNoDelay(true);
    aedes.handle(
      guardSocket(socket, (verdict) => {
        metrics.rejected++;
        warnings.warn({ remoteAddress: socket.remoteAddress, ...verdict }, "oversized or corrupt MQTT packet; connection closed");
      }),
    );
  });
  // A socket-level error after listen (not EADDRINUSE, which listen() reports) must not crash the process.
  const onServerError = (error: Error) => logger.error({ err: error }, "MQTT server error");

  let subscription: Awaited<ReturnType<typeof subscribeBoardRequests>> | undefined;
  let offline: OfflineSupport | undefined;
  try {
    offline = offlineRef.current = await startOfflineSupport({
      db, logger, metrics, dataDir: options.dataDir, snapshot: options.snapshot, writeTimeoutMs: options.writeTimeoutMs, savedSnapshot: options.savedSnapshot,
    });
    const { snapshot, writes } = offline;
    subscription = await subscribeBoardRequests(aedes, { db, logger: warnings, metrics, presence, snapshot, writes, clientIdOf: (id) => publishers.get(id) }, options.handlers);
    await listen(server, options.port, options.host);
  } catch (error) {
    await subscription?.close();
    await offline?.stop();
    await closeAedes(aedes);
    throw error;
  }
  server.on("error", onServerError);
  const port = (server.address() as net.AddressInfo).port;
  const instanceId = options.instanceId ?? `${os.hostname()}:${port}`;
  const heartbeat = startHeartbeat({
    db,
    logger,
    instanceId,
    startedAt: new Date(),
    mqttPort: port,
    intervalMs: options.heartbeatIntervalMs ?? 5_000,
    read: () => ({ connectedClients: aedes.connectedClients, metrics: metrics.snapshot() }),
  });
  const jobs = startBackgroundJobs({
    db,
    logger,
    metrics,
    instanceId,
    presence,
    publish: (topic, payload) => publishAsBackend(aedes, topic, payload),
    commandPollMs: options.commandPollMs,
    presenceFlushMs: options.presenceFlushMs,
  });
  logger.info({ port, instanceId }, "device broker listening");

  let closed: Promise<void> | undefined;
  return {
    port,
    instanceId,
    metrics,
    connectedClients: () => aedes.connectedClients,
    offline,
    close() {
      closed ??= (async () => {
        // Order matters: no new boards, then let in-flight requests reply to connected boards, then stop
        // writing to the database (the caller closes it next), then disconnect everyone.
        const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
        await subscription.close();
        await jobs.stop();
        await offline.stop();
        await heartbeat.stop({ remove: true });
        await closeAedes(aedes); // disconnects every client, so server.close can complete
        await serverClosed;
        logger.info({ port, ...metrics.snapshot() }, "device broker stopped");
      })();
      return closed;
    },
  };
}

function listen(server: net.Server, port: number, host?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

function closeAedes(aedes: Aedes): Promise<void> {
  return new Promise((resolve) => aedes.close(() => resolve()));
}

const info = (client: Client): ClientInfo => ({ id: client.id, remoteAddress: (client.conn as net.Socket).remoteAddress, key: client });

// Published as the backend: bypasses authorizePublish by design (boards may not publish commands, we may).
function publishAsBackend(aedes: Aedes, topic: string, payload: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    aedes.publish({ cmd: "publish", topic, payload, qos: 0, retain: false, dup: false }, (error) => (error ? reject(error) : resolve()));
  });
}

/** Adapts the promise-based policy to Aedes callbacks; a throwing policy denies, it never crashes the broker. */
function aedesPolicy(policy: BrokerPolicy, logger: Logger, metrics: BrokerMetrics, publishers: PublisherIds): AedesOptions {
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
  return {
    authenticate(client, username, password, done) {
      decide("authenticate", () => policy.authenticate(info(client), username, password), (ok) => {
        if (!ok) logger.warn({ clientId: client.id, username }, "connection refused");
        done(null, ok);
      });
    },
    authorizePublish(client, packet, done) {
      // client is null only for a will published after its client is gone; boards send no will.
      if (!client) return done(new Error("no client"));
      decide("publish", () => policy.authorizePublish(info(client), packet.topic), (ok) => {
        if (ok) {
          publishers.note(packet.topic, client.id);
          return done(null);
        }
        metrics.rejected++;
        logger.warn({ clientId: client.id, topic: packet.topic.slice(0, 100) }, "publish refused");
        // MQTT 3.1.1 cannot refuse a QoS 0 publish: Aedes closes the connection, the board reconnects.
        done(new Error("publish not authorized"));
      });
    },
    authorizeSubscribe(client, subscription, done) {
      decide("subscribe", () => policy.authorizeSubscribe(info(client), subscription.topic), (ok) => {
        if (!ok) logger.warn({ clientId: client.id, topic: subscription.topic.slice(0, 100) }, "subscribe refused");
        // A null subscription tells Aedes to answer SUBACK with failure instead of dropping the client.
        done(null, ok ? subscription : null);
      });
    },
  };
}

/** Which client id last published for each board id (recorded with `alive`); bounded against id scans. */
class PublisherIds {
  private ids = new Map<number, string>();

  note(topic: string, clientId: string): void {
    const target = parseRequestTopic(topic);
    if (!target) return;
    if (this.ids.size >= 10_000 && !this.ids.has(target.boardId)) this.ids.clear();
    this.ids.set(target.boardId, clientId.slice(0, 64));
  }

  get(boardId: number): string | undefined {
    return this.ids.get(boardId);
  }
}
