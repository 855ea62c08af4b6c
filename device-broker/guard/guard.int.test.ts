import net from "node:net";
import mqttPacket from "mqtt-packet";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ask, connectBoard } from "../testing/board-client";
import { startBrokerFixture, type BrokerFixture } from "../testing/broker-fixture";

let f: BrokerFixture;
beforeAll(async () => {
  f = await startBrokerFixture();
});
afterAll(() => f.close());

const connectPacket = (id: string) => mqttPacket.generate({ cmd: "connect", clientId: id, protocolId: "MQTT", protocolVersion: 4, clean: true, keepalive: 10 });

/** Writes raw bytes and resolves with how many bytes were written before the broker closed the connection. */
function rawSession(chunks: Buffer[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(f.broker.port, "127.0.0.1");
    let written = 0;
    socket.on("error", () => {}); // EPIPE/ECONNRESET once the broker hangs up: expected
    socket.on("close", () => resolve(written));
    const writeAll = async () => {
      for (const chunk of chunks) {
        if (socket.destroyed) break;
        await new Promise<void>((done) => socket.write(chunk, () => done()));
        written += chunk.length;
      }
    };
    socket.on("connect", () => void writeAll().catch(reject));
    setTimeout(() => reject(new Error("the broker kept the connection open")), 10_000).unref();
  });
}

describe("oversized packet guard", () => {
  it("closes a connection that announces a packet over 4 KiB before its body is read", async () => {
    const rejectedBefore = f.broker.metrics.rejected;
    const header = Buffer.from([0x30, 0xff, 0xff, 0xff, 0x7f]); // PUBLISH announcing 256 MB
    const body = Buffer.alloc(64 * 1024, 0x61);
    // 16 MB would follow; the broker hangs up long before, and Aedes never buffers it.
    const written = await rawSession([connectPacket("BOARD901"), header, ...Array.from({ length: 256 }, () => body)]);
    expect(written).toBeLessThan(16 * 1024 * 1024);
    expect(f.broker.metrics.rejected - rejectedBefore).toBe(1);
    const board = f.track(await connectBoard(f.broker.port, 902));
    expect(await ask(board, 1, '{"action":"checkmachine"}')).toHaveLength(1);
  });

  it("closes a connection whose length field is corrupt, and lets normal packets up to the limit through", async () => {
    await rawSession([connectPacket("BOARD903"), Buffer.from([0x30, 0x80, 0x80, 0x80, 0x80, 0x01])]);
    const board = f.track(await connectBoard(f.broker.port, 904));
    const rejectedBefore = f.broker.metrics.rejected;
    // 3 KiB passes the guard and reaches the dispatcher, which drops it as over 1 KiB (no reply, counted).
    expect(await ask(board, 1, JSON.stringify({ action: "checkmachine", pad: "x".repeat(3_000) }), 0)).toEqual([]);
    expect(f.broker.metrics.rejected - rejectedBefore).toBe(1);
    expect(board.connected).toBe(true);
  });
});
