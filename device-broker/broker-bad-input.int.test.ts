import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { defaultHandlers } from "./handlers/dispatch";
import type { BoardRequest } from "./handlers/types";
import { ask, connectBoard, type Received } from "./testing/board-client";
import { startBrokerFixture, type BrokerFixture } from "./testing/broker-fixture";

let f: BrokerFixture;
/** Runs inside the broker when a checkmachine request has reached its handler, before it is answered. */
let onCheckMachine: ((req: BoardRequest<"checkmachine">) => Promise<void>) | null = null;
beforeAll(async () => {
  f = await startBrokerFixture({
    handlers: {
      ...defaultHandlers,
      async checkmachine(ctx, req) {
        await onCheckMachine?.(req);
        return defaultHandlers.checkmachine!(ctx, req);
      },
    },
  });
});
afterAll(() => f.close());

const board = (n: number) => connectBoard(f.broker.port, n).then((c) => f.track(c));
const CHECK = '{"action":"checkmachine"}';

describe("device broker: bad input", () => {
  it("drops garbage without a reply, counts it, and still answers afterwards", async () => {
    const client = await board(201);
    const rejectedBefore = f.broker.metrics.rejected;
    const garbage: (string | Buffer)[] = [
      "not json {",
      Buffer.from([0xff, 0x00, 0xfe, 0x7b]),
      "",
      "[]",
      "null",
      '"checkmachine"',
      '{"action":"selfdestruct"}',
      '{"action":{"nested":true}}',
      '{"action":"__proto__"}',
      JSON.stringify({ action: "checkmachine", pad: "x".repeat(2_000) }),
      '{"action":"alive","version":' + JSON.stringify("v".repeat(500)) + "}",
    ];
    for (const payload of garbage) expect(await ask(client, 1, payload, 0), String(payload).slice(0, 40)).toEqual([]);
    expect(f.broker.metrics.rejected - rejectedBefore).toBe(garbage.length);
    expect(await ask(client, 1, CHECK)).toHaveLength(1);
  });

  it("refuses publishes on topics that do not name a numeric machine id: counted, connection dropped", async () => {
    const rejectedBefore = f.broker.metrics.rejected;
    for (const [i, id] of ["abc", "-1", "1.0", "1234567", "0x1"].entries()) {
      const client = await board(220 + i);
      const closed = new Promise<void>((resolve) => client.once("close", () => resolve()));
      client.publish(`machine/${id}`, CHECK, { qos: 0 });
      await closed; // MQTT 3.1.1 cannot refuse a QoS 0 publish: the broker drops the connection
    }
    expect(f.broker.metrics.rejected - rejectedBefore).toBe(5);
    expect(await ask(await board(202), 3, CHECK)).toHaveLength(1);
  });

  it("refuses a client publishing a forged reply: the board never sees it", async () => {
    const victim = await board(203);
    const seen: Received[] = [];
    victim.on("message", (topic, payload) => seen.push({ topic, text: payload.toString() }));
    await victim.subscribeAsync(["machine/1/reply", "machine/1/request"], { qos: 0 });

    const forger = await board(204);
    const closed = new Promise<void>((resolve) => forger.once("close", () => resolve()));
    const rejectedBefore = f.broker.metrics.rejected;
    forger.publish("machine/1/reply", '{"request_ok":true,"is_valid":true,"allowed":true}', { qos: 0 });
    await closed; // MQTT 3.1.1 has no refusal for QoS 0: the broker drops the connection
    const forger2 = await board(205);
    forger2.publish("machine/1/request", '{"request_type":"start","uid":"efbeadde"}', { qos: 0 });
    const forger3 = await board(206);
    forger3.publish("$SYS/fake/heartbeat", "x", { qos: 0 });
    // Each forgery is refused as it arrives: once all three are counted, none can still reach the victim.
    await vi.waitFor(() => expect(f.broker.metrics.rejected - rejectedBefore).toBe(3));
    expect(seen).toEqual([]);
    // The broker itself still answers the board on the same reply topic.
    expect((await ask(victim, 1, CHECK)).map((r) => JSON.parse(r.text).name)).toEqual(["LASER 1"]);
  });

  it("keeps answering after a client vanishes mid-request", async () => {
    const gone = await board(207);
    const clients = f.broker.connectedClients();
    const { answered, failed } = f.broker.metrics;
    let reached = false;
    // The request has reached the broker's handler: the board vanishes, and the broker has seen it go, before
    // the answer is made.
    onCheckMachine = async () => {
      onCheckMachine = null;
      reached = true;
      gone.stream.destroy();
      await vi.waitFor(() => expect(f.broker.connectedClients()).toBe(clients - 1));
    };
    gone.publish("machine/1", CHECK, { qos: 0 });
    // The broker finishes the request (its answer goes to nobody), counts it as answered, not failed.
    await vi.waitFor(() => expect(f.broker.metrics.answered).toBe(answered + 1), { timeout: 10_000 });
    expect(reached).toBe(true);
    expect(f.broker.metrics.failed).toBe(failed);
    expect(f.broker.connectedClients()).toBe(clients - 1);
    // And answers the next board as before.
    expect(await ask(await board(208), 1, CHECK)).toHaveLength(1);
    expect(f.broker.metrics.answered).toBe(answered + 2);
  });
});
