import type net from "node:net";
import { Duplex } from "node:stream";
import { FrameInspector, type FrameVerdict } from "./frame-inspector";

/** Aedes has no packet size limit: without this a single announced 256 MB packet is buffered in full. */
export const MAX_PACKET_BYTES = 4 * 1024;

/**
 * Stands between a client's socket and Aedes: every chunk passes the frame inspector first, and a packet over
 * the limit (or a corrupt length) closes the connection before its body is read. Everything else is passed
 * through unchanged, with backpressure in both directions.
 */
export function guardSocket(socket: net.Socket, onReject: (verdict: FrameVerdict) => void, maxPacketBytes = MAX_PACKET_BYTES): Duplex {
  return new GuardedSocket(socket, new FrameInspector(maxPacketBytes), onReject);
}

class GuardedSocket extends Duplex {
  constructor(
    private readonly socket: net.Socket,
    inspector: FrameInspector,
    onReject: (verdict: FrameVerdict) => void,
  ) {
    super({ allowHalfOpen: false });
    socket.on("data", (chunk: Buffer) => {
      const verdict = inspector.feed(chunk);
      if (verdict) {
        socket.destroy();
        onReject(verdict);
        return;
      }
      if (!this.push(chunk)) socket.pause();
    });
    socket.on("end", () => this.push(null));
    socket.on("error", (error) => this.destroy(error));
    socket.on("close", () => this.destroy());
  }

  /** What the broker's policy reads to log who connected. */
  get remoteAddress(): string | undefined {
    return this.socket.remoteAddress;
  }

  override _read(): void {
    this.socket.resume();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    if (this.socket.write(chunk)) callback();
    else this.socket.once("drain", () => callback());
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.socket.end(() => callback());
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.socket.destroy();
    callback(error);
  }
}
