import type { Logger } from "pino";
import type { Db } from "@/lib/db/client";
import { recordMachinesHeard } from "@/lib/domain/usage/record-board-alive";

/**
 * Remembers when each machine's board was last heard from and writes it in one statement every few seconds,
 * instead of one write per message (a machine is "online" if heard from in the last 90 s).
 */
export class PresenceRecorder {
  private pending = new Map<number, Date>();

  heard(machineId: number, at: Date): void {
    const known = this.pending.get(machineId);
    if (!known || known < at) this.pending.set(machineId, at);
  }

  async flush(db: Db, logger: Logger): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    try {
      await recordMachinesHeard(
        db,
        [...batch].map(([machineId, heardAt]) => ({ machineId, heardAt })),
      );
    } catch (error) {
      // Best effort: the next message from each board (≤ 30 s) marks it again.
      logger.warn({ err: error, machines: batch.size }, "machine presence not recorded");
    }
  }
}
