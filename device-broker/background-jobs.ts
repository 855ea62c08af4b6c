import type { Logger } from "pino";
import type { Db } from "@/lib/db/client";
import { deliverDueLogouts } from "@/lib/domain/oidc/backchannel-logout";
import { closeSilentSessions } from "@/lib/domain/usage/close-silent-sessions";
import { claimPendingCommands } from "@/lib/domain/usage/machine-commands";
import { deliverDueWebhooks } from "@/lib/domain/webhooks/deliver";
import type { BrokerMetrics } from "./metrics";
import { purgeEventReceipts } from "./spool/events";
import type { PresenceRecorder } from "./presence";

export interface BackgroundJobOptions {
  db: Db;
  logger: Logger;
  metrics: BrokerMetrics;
  instanceId: string;
  presence: PresenceRecorder;
  /** Publishes as the backend (bypasses the client policy). */
  publish(topic: string, payload: Buffer): Promise<void>;
  /** The embedded database has no cross-connection NOTIFY, so the command outbox is polled. */
  commandPollMs?: number;
  presenceFlushMs?: number;
  silentSweepMs?: number;
  /** How often the webhook outbox is checked for due deliveries (each hook leased, so instances never send twice). */
  webhookPollMs?: number;
}

/** A periodic task that never overlaps itself and never throws out of its timer. */
function every(ms: number, name: string, logger: Logger, metrics: BrokerMetrics, task: () => Promise<void>) {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = task()
      .catch((error: unknown) => {
        metrics.jobErrors++;
        logger.warn({ err: error, job: name }, "background job failed; retrying next time");
      })
      .finally(() => (running = null));
  };
  const timer = setInterval(tick, ms);
  timer.unref();
  return {
    async stop(graceMs = 3_000) {
      clearInterval(timer);
      // A round stuck on a database that is down must not hold up the shutdown.
      let wait: NodeJS.Timeout | undefined;
      await Promise.race([running, new Promise<void>((resolve) => (wait = setTimeout(resolve, graceMs)))]);
      clearTimeout(wait);
    },
  };
}

/** Remote commands, webhook deliveries and back-channel logouts out, presence in, silent sessions closed: the broker's periodic work. */
export function startBackgroundJobs(o: BackgroundJobOptions): { stop(): Promise<void> } {
  const jobs = [
    every(o.commandPollMs ?? 500, "commands", o.logger, o.metrics, async () => {
      for (const command of await claimPendingCommands(o.db, o.instanceId)) {
        const topic = `machine/${command.boardId}/request`;
        await o.publish(topic, Buffer.from(JSON.stringify({ request_type: command.kind, uid: command.uid })));
        o.metrics.commandsSent++;
        o.logger.info({ topic, kind: command.kind, uid: command.uid, commandId: command.id }, "remote command sent");
      }
    }),
    every(o.presenceFlushMs ?? 5_000, "presence", o.logger, o.metrics, () => o.presence.flush(o.db, o.logger)),
    every(o.webhookPollMs ?? 2_000, "webhooks", o.logger, o.metrics, async () => {
      const round = await deliverDueWebhooks(o.db, { instanceId: o.instanceId });
      if (round.retried || round.failed) o.logger.info(round, "webhook deliveries refused by their receivers; retried with backoff");
      // Single sign-on's back-channel logout notices ride on the same poll.
      const logouts = await deliverDueLogouts(o.db);
      if (logouts.retried || logouts.failed) o.logger.info(logouts, "back-channel logout notices refused by their services; retried with backoff");
    }),
    every(o.silentSweepMs ?? 60_000, "silent-sessions", o.logger, o.metrics, async () => {
      const closed = await closeSilentSessions(o.db);
      if (closed > 0) o.logger.info({ closed }, "closed usage sessions silent for over an hour");
    }),
    every(3_600_000, "event-receipts", o.logger, o.metrics, async () => {
      await purgeEventReceipts(o.db);
    }),
  ];
  return {
    async stop() {
      await Promise.all(jobs.map((j) => j.stop()));
      await o.presence.flush(o.db, o.logger).catch(() => {});
    },
  };
}
