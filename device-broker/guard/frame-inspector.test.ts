import mqttPacket from "mqtt-packet";
import { describe, expect, it } from "vitest";
import { FrameInspector } from "./frame-inspector";

const publish = (payloadBytes: number) =>
  mqttPacket.generate({ cmd: "publish", topic: "machine/1", payload: Buffer.alloc(payloadBytes, 0x61), qos: 0, retain: false, dup: false });

describe("MQTT frame inspector", () => {
  it("lets a stream of normal packets through, whatever the chunking", () => {
    const stream = Buffer.concat([
      mqttPacket.generate({ cmd: "connect", clientId: "BOARD1", protocolId: "MQTT", protocolVersion: 4, clean: true, keepalive: 10 }),
      publish(30),
      publish(4_000),
      mqttPacket.generate({ cmd: "pingreq" }),
    ]);
    for (const size of [1, 2, 7, 100, stream.length]) {
      const inspector = new FrameInspector(4096);
      for (let i = 0; i < stream.length; i += size) expect(inspector.feed(stream.subarray(i, i + size))).toBeNull();
    }
  });

  it("refuses a packet over the limit as soon as its header is in", () => {
    const header = publish(5_000).subarray(0, 3); // type byte + 2 length bytes, no body yet
    expect(new FrameInspector(4096).feed(header)).toEqual({ reason: "too_large", bytes: 5_000 + 2 + "machine/1".length });
    expect(new FrameInspector(4096).feed(Buffer.from([0x30, 0xff, 0xff, 0xff, 0x7f]))).toEqual({ reason: "too_large", bytes: 268_435_455 });
  });

  it("refuses a length field longer than four bytes", () => {
    expect(new FrameInspector(4096).feed(Buffer.from([0x30, 0x80, 0x80, 0x80, 0x80, 0x01]))).toEqual({ reason: "malformed_length" });
  });
});
