import pino from "pino";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { brokerHeartbeats, machineCommands, machines, profiles } from "@/lib/db/schema";
import { getBrokerHealth } from "@/lib/domain/system/health";
import { isMachineOnline } from "@/lib/domain/usage/record-board-alive";
import { requestRemoteCommand } from "@/lib/domain/usage/machine-commands";
import { startBroker } from "./broker";
import { ask, connectBoard, listen } from "./testing/board-client";
import { startBrokerFixture, type BrokerFixture } from "./testing/broker-fixture";
import { waitFor } from "./testing/replies";

let f: BrokerFixture;
let laserId: number;
let printerId: number;
let person: Record<"admin" | "member", number>;
beforeAll(async () => {
  f = await startBrokerFixture({ commandPollMs: 50, presenceFlushMs: 50 });
  const db = f.database.db;
  laserId = (await db.select().from(machines).where(eq(machines.boardId, 1)))[0]!.id;
  printerId = (await db.select().from(machines).where(eq(machines.boardId, 2)))[0]!.id;
  const id = async (email: string) => (await db.select().from(profiles).where(eq(profiles.email, email)))[0]!.personId;
  person = { admin: await id("admin@makerspace.local"), member: await id("member@makerspace.local") };
});
afterAll(() => f.close());

describe("remote start/stop", () => {
  it("reaches the board's request topic once the machine is online", async () => {
    const client = f.track(await connectBoard(f.broker.port, 801));
    const requests = await listen(client, "machine/1/request");
    expect(await requestRemoteCommand(f.database.db, person.admin, { machineId: laserId, kind: "start", uid: "efbeadde" })).toMatchObject({
      ok: false,
      code: "offline",
    });

    expect(await ask(client, 1, '{"action":"checkmachine"}')).toHaveLength(1);
    await waitFor("machine online", () => isMachineOnline(f.database.db, laserId));
    const start = await requestRemoteCommand(f.database.db, person.admin, { machineId: laserId, kind: "start", uid: "EFBEADDE" });
    expect(start).toMatchObject({ ok: true });
    await waitFor("the start command", () => requests.length >= 1);
    expect(requests.map((r) => r.text)).toEqual(['{"request_type":"start","uid":"efbeadde"}']);

    await ask(client, 1, '{"action":"startuse","uid":"efbeadde"}');
    expect(await requestRemoteCommand(f.database.db, person.admin, { machineId: laserId, kind: "stop" })).toMatchObject({ ok: true });
    await waitFor("the stop command", () => requests.length >= 2);
    expect(requests.map((r) => r.text)).toEqual(['{"request_type":"start","uid":"efbeadde"}', '{"request_type":"stop","uid":"efbeadde"}']);

    const rows = await f.database.db.select().from(machineCommands);
    expect(rows.map((r) => [r.kind, r.status, r.sentBy])).toEqual([
      ["start", "sent", f.broker.instanceId],
      ["stop", "sent", f.broker.instanceId],
    ]);
  });

  it("refuses people without machines.operate, cards not allowed on the machine, and machines never heard from", async () => {
    const db = f.database.db;
    expect(await requestRemoteCommand(db, person.member, { machineId: laserId, kind: "start", uid: "efbeadde" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await requestRemoteCommand(db, person.admin, { machineId: laserId, kind: "start", uid: "c0000003" })).toMatchObject({
      ok: false,
      code: "not_allowed",
    });
    expect(await requestRemoteCommand(db, person.admin, { machineId: laserId, kind: "start", uid: "xyz" })).toMatchObject({
      ok: false,
      code: "malformed_uid",
      field: "uid",
    });
    expect(await requestRemoteCommand(db, person.admin, { machineId: printerId, kind: "start", uid: "c0000003" })).toMatchObject({
      ok: false,
      code: "offline",
    });
  });

  it("drops a command no broker picked up in time instead of starting a machine late", async () => {
    const db = f.database.db;
    const [old] = await db
      .insert(machineCommands)
      .values({ machineId: laserId, kind: "start", cardUid: "efbeadde", createdAt: new Date(Date.now() - 60_000) })
      .returning();
    await waitFor("command expired", async () => (await db.select().from(machineCommands).where(eq(machineCommands.id, old!.id)))[0]!.status === "expired");
  });
});

describe("broker heartbeat", () => {
  it("is removed on a clean close, so health says down at once", async () => {
    const db = f.database.db;
    const second = await startBroker({ db, port: 0, host: "127.0.0.1", logger: pino({ level: "silent" }), instanceId: "second-broker" });
    await waitFor("heartbeat row", async () => (await db.select().from(brokerHeartbeats).where(eq(brokerHeartbeats.instanceId, "second-broker"))).length === 1);
    await second.close();
    expect(await db.select().from(brokerHeartbeats).where(eq(brokerHeartbeats.instanceId, "second-broker"))).toEqual([]);
    await f.broker.close();
    expect((await getBrokerHealth(db)).ok).toBe(false);
  });
});
