import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { brokerHeartbeats, machines } from "@/lib/db/schema";
import { ask, connectBoard } from "./testing/board-client";
import { startBrokerFixture, type BrokerFixture } from "./testing/broker-fixture";

let f: BrokerFixture;
let startedAt: number;
beforeAll(async () => {
  startedAt = Date.now();
  f = await startBrokerFixture({ heartbeatIntervalMs: 100 });
});
afterAll(() => f.close());

const board = (n: number) => connectBoard(f.broker.port, n).then((c) => f.track(c));

describe("device broker: checkmachine", () => {
  it("answers a seeded machine with exactly the protocol's reply, once", async () => {
    const client = await board(101);
    const replies = await ask(client, 1, '{"action":"checkmachine"}');
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toBe(
      '{"request_ok":true,"is_valid":true,"maintenance":false,"allowed":true,"name":"LASER 1","logoff":480,"type":2,"grace":2,"description":""}',
    );
    const reply = JSON.parse(replies[0]!.text);
    for (const key of ["request_ok", "is_valid", "maintenance", "allowed"]) expect(typeof reply[key], key).toBe("boolean");
    for (const key of ["logoff", "type", "grace"]) expect(Number.isInteger(reply[key]), key).toBe(true);
    for (const key of ["name", "description"]) expect(typeof reply[key], key).toBe("string");
  });

  it("tells the board of a blocked machine that no card may use it", async () => {
    await f.database.db.update(machines).set({ blocked: true }).where(eq(machines.boardId, 2));
    await f.refresh();
    const replies = await ask(await board(102), 2, '{"action":"checkmachine"}');
    expect(replies).toHaveLength(1);
    expect(JSON.parse(replies[0]!.text)).toMatchObject({ request_ok: true, is_valid: true, allowed: false, name: "PRUSA MK4", type: 1, logoff: 0 });
  });

  it("answers an unknown machine id with Invalid machine ID", async () => {
    const replies = await ask(await board(103), 4242, '{"action":"checkmachine"}');
    expect(replies.map((r) => r.text)).toEqual(['{"request_ok":false,"message":"Invalid machine ID"}']);
  });

  it("never answers alive", async () => {
    const alive = '{"action":"alive","version":"esp32,v1.0.0","ip":"192.168.1.57","serial":"a0b1c2d3e4f5","heap":"183452"}';
    const replies = await ask(await board(104), 1, alive, 0);
    expect(replies).toEqual([]);
  });

  it("answers every action from an unknown machine id with Invalid machine ID, and malformed fields with Invalid request", async () => {
    const client = await board(105);
    expect((await ask(client, 4242, '{"action":"checkuser","uid":"efbeadde"}')).map((r) => r.text)).toEqual([
      '{"request_ok":false,"message":"Invalid machine ID"}',
    ]);
    expect((await ask(client, 1, '{"action":"checkuser","uid":"nothex"}')).map((r) => r.text)).toEqual(['{"request_ok":false,"message":"Invalid request"}']);
  });

  it("answers many boards at once, each on its own topic", async () => {
    const clients = await Promise.all([1, 2, 3].map((id) => board(110 + id)));
    const replies = await Promise.all(clients.map((c, i) => ask(c, i + 1, '{"action":"checkmachine"}')));
    expect(replies.map((r) => r.length)).toEqual([1, 1, 1]);
    expect(replies.map((r) => JSON.parse(r[0]!.text).name)).toEqual(["LASER 1", "PRUSA MK4", "CNC ROUTER"]);
  });

  it("records a heartbeat with its port, connected clients and counters", async () => {
    // The heartbeat is written on a timer: wait until it has recorded the requests of the tests above.
    const row = await vi.waitFor(async () => {
      const [beat] = await f.database.db.select().from(brokerHeartbeats).where(eq(brokerHeartbeats.instanceId, f.broker.instanceId));
      expect(beat?.metrics.received).toBeGreaterThan(0);
      return beat;
    });
    expect(row!.mqttPort).toBe(f.broker.port);
    expect(row!.connectedClients).toBeGreaterThan(0);
    expect(row!.metrics.received).toBeGreaterThan(0);
    // Written by this broker, not some time ago (no bound on how long ago: a loaded run may read it seconds later).
    expect(row!.lastSeenAt.getTime()).toBeGreaterThanOrEqual(startedAt);
  });
});
