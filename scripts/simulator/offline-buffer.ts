import type { Json } from "./board-link";

/**
 * The firmware's buffer of unanswered startuse/stopuse/maintenance (Fab-O-Matic's `Buffer`): bounded, the oldest
 * dropped when full, replayed in order with "replay":true; a replay that again gets no answer stays at the front.
 * It lives in RAM; the firmware writes it to flash only in its periodic task (every alive period, when it changed)
 * and reads it back at boot. So a reboot loses what was queued since the last save, and sends again what was
 * answered since then — a stale copy, replayed under the new client id the boot draws.
 */
export class OfflineBuffer {
  private messages: Json[] = [];
  private flash: Json[] = [];
  /** The RAM queue differs from the flash copy (the firmware's `has_changed`). */
  private changed = false;
  /** Messages lost because the buffer was full (the firmware logs and drops the oldest). */
  dropped = 0;

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.messages.length;
  }

  list(): readonly Json[] {
    return this.messages;
  }

  /** What a reboot now would load and replay. */
  flashCopy(): readonly Json[] {
    return this.flash;
  }

  push(body: Json): void {
    this.messages.push(body);
    this.changed = true;
    if (this.messages.length > this.capacity) {
      this.messages.shift();
      this.dropped++;
    }
  }

  /** The firmware's periodic save: the RAM queue to flash, when it changed since the last save. */
  save(): boolean {
    if (!this.changed) return false;
    this.flash = this.messages.map((m) => ({ ...m }));
    this.changed = false;
    return true;
  }

  /**
   * Writes a flash copy as given, bypassing the firmware's save: only for a test or the soak to show the backend's
   * rules do not depend on an order the firmware itself never produces.
   */
  writeFlash(messages: readonly Json[]): void {
    this.flash = messages.map((m) => ({ ...m }));
  }

  /** Boot: the RAM queue is gone; the flash copy is loaded as it was last saved. */
  reload(): void {
    this.messages = this.flash.map((m) => ({ ...m }));
    this.changed = false;
  }

  /** Sends each buffered message with "replay":true until one gets no answer; returns how many were answered. */
  async replay(send: (body: Json) => Promise<Json | null>): Promise<number> {
    let answered = 0;
    while (this.messages.length > 0) {
      const reply = await send({ ...this.messages[0], replay: true });
      if (reply === null) break;
      this.messages.shift();
      this.changed = true;
      answered++;
    }
    return answered;
  }
}
