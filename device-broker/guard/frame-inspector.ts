/**
 * Follows MQTT packet boundaries on a raw byte stream by reading only fixed headers: one type byte, then the
 * "remaining length" (1–4 bytes, 7 bits each), then that many bytes skipped. So a packet that announces more
 * than the limit is refused as soon as its header arrives, before any of its body is buffered.
 */
export type FrameVerdict = { reason: "too_large"; bytes: number } | { reason: "malformed_length" };

export class FrameInspector {
  private state: "type" | "length" | "body" = "type";
  private length = 0;
  private lengthBytes = 0;
  private bodyLeft = 0;

  constructor(private readonly maxPacketBytes: number) {}

  /** Returns a verdict if the stream must be cut, else null (the chunk may be passed on unchanged). */
  feed(chunk: Uint8Array): FrameVerdict | null {
    let i = 0;
    while (i < chunk.length) {
      if (this.state === "body") {
        const take = Math.min(this.bodyLeft, chunk.length - i);
        this.bodyLeft -= take;
        i += take;
        if (this.bodyLeft === 0) this.state = "type";
      } else if (this.state === "type") {
        i++;
        this.state = "length";
        this.length = 0;
        this.lengthBytes = 0;
      } else {
        const byte = chunk[i++]!;
        this.length += (byte & 0x7f) * 128 ** this.lengthBytes;
        this.lengthBytes++;
        if (byte & 0x80) {
          if (this.lengthBytes === 4) return { reason: "malformed_length" };
          continue;
        }
        if (this.length > this.maxPacketBytes) return { reason: "too_large", bytes: this.length };
        this.bodyLeft = this.length;
        this.state = this.length === 0 ? "type" : "body";
      }
    }
    return null;
  }
}
