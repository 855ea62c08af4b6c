import os from "node:os";
import { randomBytes } from "node:crypto";
import mqtt from "mqtt";
import type { Logger } from "pino";
import type { Db } from "@/lib/db/client";
import { limitWarnings } from "./guard/log-limiter";
import { handleBoardMessage } from "./handlers/dispatch";
import { REQUEST_SUBSCRIPTION } from "./handlers/intake";
import type { HandlerContext, HandlerRegistry } from "./handlers/types";
import { startHeartbeat } from "./heartbeat";
import { BrokerMetrics } from "./metrics";
import { startOfflineSupport, type OfflineSupport } from "./offline-support";
import { encodeReply } from "./protocol";
import { replayQueueFilePath } from "./replay-bursts";

export interface ExternalDispatcherOptions {
  db: Db;
  /** mqtt://user:pass@host:1883 (or mqtts://) of the space's own broker. */
  url: string;
  logger: Logger;
  handlers?: HandlerRegistry;
  /**
   * Shared-subscription group ($share/<group>/machine/+): with several backends on one broker each request
   * goes to exactly one of them. null subscribes plainly (brokers without shared subscriptions; one backend).
   */
  sharedGroup: string | null;
  /** Only these machines' topics instead of machine/+ (tests sharing a broker with other runs). */
  machineIds?: number[];
  instanceId?: string;
  heartbeatIntervalMs?: number;
  /** Reconnect backoff: doubles from minMs up to maxMs, back to minMs after a successful connect. */
  backoff?: { minMs: number; maxMs: number };
  /** DATA_DIR: decide from the in-memory snapshot and spool board facts under <dataDir>/spool (as the embedded broker). */
  dataDir?: string;
}

export interface RunningExternalDispatcher {
  instanceId: string;
  metrics: BrokerMetrics;
  connected(): boolean;
  /** Connections to the external broker that failed or dropped since the start (a test awaits retries by it). */
  failedConnects(): number;
  /** Resolves once the first subscription is in place (requests published before that are not seen). */
  ready: Promise<void>;
  close(graceMs?: number): Promise<void>;
}

/**
 * The same dispatcher as the embedded broker, as a client of an existing broker (Mosquitto, EMQX): requests
 * come in on machine/<id>, replies go out on machine/<id>/reply with QoS 0. Reconnects forever; nothing it does
 * can reject unhandled. Access control on that broker (who may publish replies) is the broker's job there.
 */
export function startExternalDispatcher(options: ExternalDispatcherOptions): RunningExternalDispatcher {
  const { db, url, logger } = options;
  const metrics = new BrokerMetrics();
  // The boards' offline queues, followed by topic here (no client ids on this side), kept across a restart as well.
  const replayQueueFile = options.dataDir ? replayQueueFilePath(options.dataDir) : undefined;
  const ctx: HandlerContext = { db, logger: limitWarnings(logger), metrics, replayQueueFile };
  // Until the snapshot is loaded (or without a DATA_DIR) requests are decided from the database.
  const offline: Promise<OfflineSupport | undefined> = options.dataDir
    ? startOfflineSupport({ db, logger, metrics, dataDir: options.dataDir })
        .then((support) => {
          Object.assign(ctx, { snapshot: support.snapshot, writes: support.writes, health: support.health });
          return support;
        })
        .catch((error: unknown) => {
          logger.error({ err: error }, "snapshot and spool not started; deciding from the database");
          return undefined;
        })
    : Promise.resolve(undefined);
  // Unique even for several dispatchers on one host (or in one process): the id keys its heartbeat and its claims.
  const instanceId = options.instanceId ?? `${os.hostname()}:external:${process.pid}-${randomBytes(3).toString("hex")}`;
  const { minMs, maxMs } = options.backoff ?? { minMs: 1_000, maxMs: 30_000 };
  const filters = (options.machineIds?.map((id) => `machine/${id}`) ?? [REQUEST_SUBSCRIPTION]).map((topic) =>
    options.sharedGroup ? `$share/${options.sharedGroup}/${topic}` : topic,
  );

  const client = mqtt.connect(url, {
    clientId: `makerspace-backend-${randomBytes(4).toString("hex")}`,
    protocolVersion: 4,
    clean: true,
    keepalive: 30,
    reconnectPeriod: minMs,
    connectTimeout: 10_000,
    resubscribe: false,
    queueQoSZero: false, // a reply that cannot go out now is too late for the board's 2 s anyway
  });
  let markReady: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  let stopped = false;
  let failures = 0;
  let failedConnects = 0;

  client.on("connect", () => {
    failures = 0;
    client.options.reconnectPeriod = minMs;
    client
      .subscribeAsync(filters, { qos: 0 })
      .then((granted) => {
        const refused = granted.filter((g) => g.qos === 128);
        if (refused.length > 0) logger.error({ topics: refused.map((g) => g.topic) }, "external broker refused the subscription");
        else logger.info({ url: redact(url), filters }, "connected to the external MQTT broker");
        markReady();
      })
      .catch((error: unknown) => logger.error({ err: error }, "subscribing on the external broker failed"));
  });
  client.on("close", () => {
    if (stopped) return;
    // Backoff: a broker that is down for long is retried less and less often, never given up on.
    failures++;
    failedConnects++;
    client.options.reconnectPeriod = Math.min(maxMs, minMs * 2 ** Math.min(failures - 1, 16));
    if (failures === 1 || failures % 10 === 0)
      logger.warn({ url: redact(url), failures, nextTryMs: client.options.reconnectPeriod }, "external MQTT broker unreachable; retrying");
  });
  client.on("error", (error) => logger.debug({ err: error.message }, "external MQTT client error"));

  const inFlight = new Set<Promise<void>>();
  client.on("message", (topic, payload) => {
    if (stopped) return;
    const work = handleBoardMessage(ctx, topic, payload, options.handlers)
      .then(async (routed) => {
        if (!routed) return;
        const bytes = encodeReply(routed.replyTopic, routed.outgoing.reply, routed.outgoing);
        if (!bytes) {
          metrics.failed++;
          logger.error({ topic: routed.replyTopic }, "reply does not fit the board's buffer; not sent");
          return;
        }
        await client.publishAsync(routed.replyTopic, bytes, { qos: 0, retain: false });
        metrics.answered++;
      })
      .catch((error: unknown) => {
        metrics.failed++;
        logger.error({ err: error, topic }, "reply not sent");
      })
      .finally(() => inFlight.delete(work));
    inFlight.add(work);
  });

  const heartbeat = startHeartbeat({
    db,
    logger,
    instanceId,
    startedAt: new Date(),
    mqttPort: portOf(url),
    intervalMs: options.heartbeatIntervalMs ?? 5_000,
    read: () => ({ connectedClients: 0, metrics: metrics.snapshot() }),
  });

  let closed: Promise<void> | undefined;
  return {
    instanceId,
    metrics,
    connected: () => client.connected,
    failedConnects: () => failedConnects,
    ready,
    close(graceMs = 3_000) {
      closed ??= (async () => {
        stopped = true;
        if (client.connected) await client.unsubscribeAsync(filters).catch(() => {});
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([Promise.allSettled([...inFlight]), new Promise((r) => (timer = setTimeout(r, graceMs)))]);
        clearTimeout(timer);
        await (await offline)?.stop();
        await heartbeat.stop();
        await client.endAsync(!client.connected).catch(() => {});
        logger.info(metrics.snapshot(), "external dispatcher stopped");
      })();
      return closed;
    },
  };
}

function portOf(url: string): number {
  try {
    const parsed = new URL(url);
    return Number(parsed.port) || (parsed.protocol === "mqtts:" ? 8883 : 1883);
  } catch {
    return 0;
  }
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable URL)";
  }
}
