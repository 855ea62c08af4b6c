import { eq } from "drizzle-orm";
import type { Logger } from "pino";
import type { Db } from "@/lib/db/client";
import { brokerHeartbeats } from "@/lib/db/schema";

export interface HeartbeatOptions {
  db: Db;
  logger: Logger;
  instanceId: string;
  startedAt: Date;
  mqttPort: number;
  intervalMs: number;
  read(): { connectedClients: number; metrics: Record<string, number> };
}

/**
 * Upserts this instance's row in broker_heartbeats now and every interval, so the web app can tell whether a
 * broker is alive. A failed beat (database down) is logged and retried next time; it never throws.
 */
export function startHeartbeat(options: HeartbeatOptions): { stop(options?: { remove?: boolean }): Promise<void> } {
  let running: Promise<void> | null = null;
  const beat = () => {
    if (running) return; // a slow database must not pile up overlapping upserts
    running = writeBeat(options)
      .catch((error: unknown) => options.logger.warn({ err: error }, "broker heartbeat not recorded"))
      .finally(() => {
        running = null;
      });
  };
  beat();
  const timer = setInterval(beat, options.intervalMs);
  timer.unref();
  return {
    async stop({ remove = false } = {}) {
      clearInterval(timer);
      await running;
      // A clean stop removes the row, so /api/health says "down" at once instead of after the stale timeout.
      // Bounded: a database that is down must not hold up the shutdown (the row then goes stale on its own).
      if (remove) {
        let timer: NodeJS.Timeout | undefined;
        const removal = options.db
          .delete(brokerHeartbeats)
          .where(eq(brokerHeartbeats.instanceId, options.instanceId))
          .then(() => undefined)
          .catch((error: unknown) => options.logger.warn({ err: error }, "broker heartbeat row not removed"));
        await Promise.race([removal, new Promise<void>((resolve) => (timer = setTimeout(resolve, 2_000)))]);
        clearTimeout(timer);
      }
    },
  };
}

async function writeBeat(options: HeartbeatOptions): Promise<void> {
  const { connectedClients, metrics } = options.read();
  const now = new Date();
  await options.db
    .insert(brokerHeartbeats)
    .values({ instanceId: options.instanceId, startedAt: options.startedAt, lastSeenAt: now, mqttPort: options.mqttPort, connectedClients, metrics })
    .onConflictDoUpdate({
      target: brokerHeartbeats.instanceId,
      set: { startedAt: options.startedAt, lastSeenAt: now, mqttPort: options.mqttPort, connectedClients, metrics },
    });
}
