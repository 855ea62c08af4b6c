import type { Json } from "./board-link";

/**
 * The firmware's flash buffer of unanswered startuse/stopuse/maintenance: bounded, the oldest dropped when
 * full, replayed in order with "replay":true; a replay that again gets no answer stays at the front.
 */
export class OfflineBuffer {
  private readonly messages: Json[] = [];
  /** Messages lost because the buffer was full (the firmware logs and drops the oldest). */
  dropped = 0;

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.messages.length;
  }

  list(): readonly Json[] {
    return this.messages;
  }

  push(body: Json): void {
    this.messages.push(body);
    if (this.messages.length > this.capacity) {
      this.messages.shift();
      this.dropped++;
    }
  }

  /** Sends each buffered message with "replay":true until one gets no answer; returns how many were answered. */
  async replay(send: (body: Json) => Promise<Json | null>): Promise<number> {
    let answered = 0;
    while (this.messages.length > 0) {
      const reply = await send({ ...this.messages[0], replay: true });
      if (reply === null) break;
      this.messages.shift();
      answered++;
    }
    return answered;
  }
}
