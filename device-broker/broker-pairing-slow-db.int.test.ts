import { eq } from "drizzle-orm";
import type { MqttClient } from "mqtt";
import pino from "pino";
import { afterAll, beforeAll, expect, it } from "vitest";
import { boardPairings, machines, profiles } from "@/lib/db/schema";
import { closePairingWindow, reopenPairingWindow } from "@/lib/domain/usage/board-pairing-admin";
import { startBroker, type RunningBroker } from "./broker";
import { connectBoard, listen } from "./testing/board-client";
import { waitFor } from "./testing/replies";
import { demoDatabaseBehindProxy } from "./testing/database-behind-proxy";

// Issue 21: a connection's publishes are judged in order (aedes-hooks.ts), and an unpaired board's `alive` may ask
// the database whether the machine's pairing window opened a moment ago. A database that does not answer that
// question must not hold the board's later publishes for ever: past PAIRING_CHECK_WAIT_MS the request behind the
// alive is refused (the connection closed, as MQTT 3.1.1 refuses a QoS 0 publish), and once the database answers
// the board is paired and its next connection is served.
const MARIO = '{"request_ok":true,"is_valid":true,"name":"Mario","missing_auth":false,"level":1}';
const CHECKUSER = '{"action":"checkuser","uid":"efbeadde"}';
const BOARD_ID = 47;
const SERIAL = "5l0wdb000047";

const f = demoDatabaseBehindProxy("broker-pairing-slow-db", { connectTimeoutSeconds: 2 });
let broker: RunningBroker;
let machineId: number;
const clients: MqttClient[] = [];

beforeAll(async () => {
  const [laser] = await f.t.db.select().from(machines).where(eq(machines.boardId, 1));
  const [machine] = await f.t.db.insert(machines).values({ name: "Slow pairing", boardId: BOARD_ID, equipmentTypeId: laser!.equipmentTypeId }).returning();
  machineId = machine!.id;
  broker = await startBroker({ db: f.viaProxy.db, port: 0, host: "127.0.0.1", logger: pino({ level: process.env.LOG_LEVEL ?? "silent" }) });
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.endAsync(true).catch(() => {})));
  await f.proxy.restore().catch(() => {}); // a cut line would hold the broker's close
  await broker.close();
});

/** The board's boot as one TCP write: alive, then a card check right behind it. Resolves with its replies or "refused". */
async function aliveThenCheckuser(): Promise<string[] | "refused"> {
  const client = await connectBoard(broker.port, 470, undefined, { identity: { serial: SERIAL, ip: "127.0.0.1" } });
  clients.push(client);
  const replies = await listen(client, `machine/${BOARD_ID}/reply`);
  const closed = new Promise<"refused">((resolve) => client.once("close", () => resolve("refused")));
  client.stream.cork();
  client.publish(`machine/${BOARD_ID}`, JSON.stringify({ action: "alive", version: "test", ip: "127.0.0.1", serial: SERIAL }), { qos: 0 });
  client.publish(`machine/${BOARD_ID}`, CHECKUSER, { qos: 0 });
  process.nextTick(() => client.stream.uncork());
  const answered = waitFor("the checkuser's reply", async () => replies.length > 0, 60_000).then(() => replies.map((r) => r.text));
  const outcome = await Promise.race([answered, closed]);
  await client.endAsync(true).catch(() => {});
  return outcome;
}

it(
  "refuses the request behind an alive whose pairing-window check the database does not answer, then pairs the board once it does",
  { timeout: 120_000 },
  async () => {
    const admin = (await f.t.db.select().from(profiles).where(eq(profiles.email, "admin@makerspace.local")))[0]!.personId;
    await closePairingWindow(f.t.db, admin, { machineId });
    await broker.offline.snapshot?.refresh();
    // The window opens while the broker's table says it is closed: the alive has to ask the database …
    expect(await reopenPairingWindow(f.t.db, admin, { machineId, minutes: 30 })).toMatchObject({ ok: true });
    // … which stops answering (accepts, never replies).
    f.proxy.hang();
    // Refused, not held: without the bound this waits until the test times out.
    expect(await aliveThenCheckuser()).toBe("refused");
    expect(broker.metrics.refusedUnpaired).toBeGreaterThan(0);
    await f.proxy.restore();
    // The board reconnects, as the firmware does, until its boot goes through: the database's answer pairs it.
    let outcome: string[] | "refused" = "refused";
    await waitFor("the board paired and answered", async () => (outcome = await aliveThenCheckuser()) !== "refused", 60_000);
    expect(outcome).toEqual([MARIO]);
    await waitFor(
      "the pairing saved",
      async () => (await f.t.db.select().from(boardPairings).where(eq(boardPairings.machineId, machineId)))[0]?.serial === SERIAL,
    );
  },
);
