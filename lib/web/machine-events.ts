import type { Db } from "@/lib/db/client";
import { dashboardMarker, loadDashboard, type LoadedDashboard } from "@/lib/domain/machines/dashboard";
import { getLogger } from "./logger";

type Listener = (data: LoadedDashboard) => void;

/**
 * One poller per server process, shared by every open dashboard: it reads the cheap change marker every second
 * (the embedded database has no cross-connection NOTIFY) and rebuilds the tiles only when it moved, so a hundred
 * open browsers cost one marker query a second. It stops when the last listener leaves.
 */
export class MachineEventsHub {
  private listeners = new Set<Listener>();
  private timer: NodeJS.Timeout | null = null;
  private marker: string | null = null;
  private busy = false;

  constructor(
    private readonly db: Db,
    private readonly intervalMs = 1000,
  ) {}

  /** The listener gets the current state at once (a reconnecting browser sees everything) and every change after. */
  async subscribe(listener: Listener): Promise<() => void> {
    this.listeners.add(listener);
    this.timer ??= setInterval(() => void this.poll(), this.intervalMs);
    listener(await loadDashboard(this.db));
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0 && this.timer) {
        clearInterval(this.timer);
        this.timer = null;
        this.marker = null;
      }
    };
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  private async poll(): Promise<void> {
    if (this.busy) return; // a slow database must not pile up queries
    this.busy = true;
    try {
      const marker = await dashboardMarker(this.db);
      if (marker === this.marker) return;
      // The first poll also sends: a change between a subscriber's first load and this marker must not be lost.
      this.marker = marker;
      const data = await loadDashboard(this.db);
      for (const listener of this.listeners) listener(data);
    } catch (error) {
      getLogger().warn({ err: error }, "machine dashboard poll failed");
    } finally {
      this.busy = false;
    }
  }
}

const holder = globalThis as unknown as { __makerspaceMachineHub?: MachineEventsHub };

export function machineEventsHub(db: Db): MachineEventsHub {
  holder.__makerspaceMachineHub ??= new MachineEventsHub(db);
  return holder.__makerspaceMachineHub;
}
