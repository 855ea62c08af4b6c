import { EventEmitter } from "node:events";
import net from "node:net";
import os from "node:os";
import { Aedes } from "aedes";
import type { Logger } from "pino";
import type { Db } from "@/lib/db/client";
import { guardSocket } from "./guard/guard-socket";
import { limitWarnings } from "./guard/log-limiter";
import { SourceLimits } from "./guard/source-limits";
import { createBoardRequestIntake, type BoardRequestIntake } from "./handlers/intake";
import type { HandlerRegistry } from "./handlers/types";
import { startBackgroundJobs } from "./background-jobs";
import { startHeartbeat } from "./heartbeat";
import { startOfflineSupport, type OfflineOptions, type OfflineSupport } from "./offline-support";
import { BrokerMetrics } from "./metrics";
import type { BrokerPolicy } from "./policy";
import { PresenceRecorder } from "./presence";
import { replayQueueFilePath } from "./replay-bursts";
import { announceSettledMessages, type SettledMessages } from "./settled-messages";
import { aedesHooks, forgetClient } from "./security/aedes-hooks";
import { machinePolicy } from "./security/board-policy";
import type { LoginThrottleOptions } from "./security/login-throttle";

export interface StartBrokerOptions {
  db: Db;
  /** 0 picks a free port (tests). */
  port: number;
  host?: string;
  logger: Logger;
  /** Defaults to the machines' board credentials, pairings and ACLs (security/board-policy.ts). */
  policy?: BrokerPolicy;
  /** Open connections one source address may hold (default 32). */
  maxConnectionsPerAddress?: number;
  /** CONNECT must arrive within this after the TCP connect (default 10 s). */
  connectTimeoutMs?: number;
  loginThrottle?: LoginThrottleOptions;
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
  /**
   * Without a spool, a board fact's budget (default 1.5 s: the board waits 2 s). Tests of other parts set it long, so
   * a loaded machine does not leave their writes unanswered.
   */
  unspooledWriteMs?: number;
  /** Spool size limit / write function (tests of a full disk). */
  spool?: OfflineOptions["spool"];
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
  const policy =
    options.policy ?? machinePolicy({ db, logger, metrics, throttle: options.loginThrottle, snapshot: () => offlineRef.current?.snapshot?.data ?? null });
  const refs: { aedes?: Aedes; intake?: BoardRequestIntake } = {};
  const settled: SettledMessages = new EventEmitter();
  const hooks = aedesHooks({
    policy,
    logger,
    metrics,
    aedes: () => refs.aedes,
    intake: () => refs.intake,
    connectTimeoutMs: options.connectTimeoutMs,
    settled: (message) => settled.emit("settled", message),
  });
  const aedes = (refs.aedes = await Aedes.createBroker(hooks));
  const presence = new PresenceRecorder();
  aedes.on("clientError", (client, error) => logger.debug({ clientId: client.id, err: error.message }, "client error"));
  aedes.on("connectionError", (client, error) => logger.debug({ clientId: client.id, err: error.message }, "connection error"));
  aedes.on("client", (client) => logger.debug({ clientId: client.id }, "client connected"));
  aedes.on("clientDisconnect", (client) => {
    forgetClient(policy, client);
    logger.debug({ clientId: client.id }, "client disconnected");
  });

  // Rejections can come in floods (a broken board, a scanner): at most a few log lines per client a minute.
  const warnings = limitWarnings(logger);
  const limits = new SourceLimits(options.maxConnectionsPerAddress ?? 32);
  const server = net.createServer((socket) => {
    const address = limits.admit(socket.remoteAddress);
    if (address === null) {
      metrics.refusedConnections++;
      warnings.warn({ remoteAddress: socket.remoteAddress }, "too many connections from one address; connection closed");
      socket.destroy();
      return;
    }
    socket.once("close", () => limits.release(address));
    // Without it Nagle holds back each small reply until the board's delayed ACK: 40–90 ms per request.
    socket.setNoDelay(true);
    const client = aedes.handle(
      guardSocket(socket, (verdict) => {
        metrics.rejected++;
        warnings.warn({ remoteAddress: socket.remoteAddress, ...verdict }, "oversized or corrupt MQTT packet; connection closed");
      }),
    );
    // A connection refused before it registered never reaches clientDisconnect.
    socket.once("close", () => forgetClient(policy, client));
  });
  // A socket-level error after listen (not EADDRINUSE, which listen() reports) must not crash the process.
  const onServerError = (error: Error) => logger.error({ err: error }, "MQTT server error");

  let subscription: BoardRequestIntake | undefined;
  let offline: OfflineSupport | undefined;
  try {
    offline = offlineRef.current = await startOfflineSupport({
      db,
      logger,
      metrics,
      dataDir: options.dataDir,
      snapshot: options.snapshot,
      writeTimeoutMs: options.writeTimeoutMs,
      spool: options.spool,
      savedSnapshot: options.savedSnapshot,
    });
    const { snapshot, writes, health } = offline;
    if (snapshot) snapshot.onReload = () => policy.refresh?.();
    const replayQueueFile = options.dataDir ? replayQueueFilePath(options.dataDir) : undefined;
    subscription = refs.intake = createBoardRequestIntake(
      { db, logger: warnings, metrics, presence, snapshot, writes, health, replayQueueFile, unspooledWriteMs: options.unspooledWriteMs },
      options.handlers,
    );
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
  const forgetSettled = announceSettledMessages(port, settled);
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
    // Commands reach only the machine's own board (authorizeForward asks the policy).
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
        forgetSettled();
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

// Published as the backend: bypasses authorizePublish by design (boards may not publish commands, we may).
function publishAsBackend(aedes: Aedes, topic: string, payload: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    aedes.publish({ cmd: "publish", topic, payload, qos: 0, retain: false, dup: false }, (error) => (error ? reject(error) : resolve()));
  });
}
