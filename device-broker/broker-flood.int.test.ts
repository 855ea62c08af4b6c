import net from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { machines, profiles } from "@/lib/db/schema";
import { setBoardCredentials } from "@/lib/domain/usage/board-credentials";
import { SimulatedBoard } from "@/scripts/simulator/board";
import { connectBoard } from "./testing/board-client";
import { startBrokerFixture, type BrokerFixture } from "./testing/broker-fixture";
import { expectReply } from "./testing/replies";

// Issue 13, boards: a laptop on the Wi-Fi cannot starve the boards (connections, silence, wrong passwords).
let f: BrokerFixture;
let login: { username: string; password: string };
beforeAll(async () => {
  f = await startBrokerFixture({ maxConnectionsPerAddress: 4, connectTimeoutMs: 500 });
  const db = f.database.db;
  const [admin] = await db.select().from(profiles).where(eq(profiles.email, "admin@makerspace.local"));
  const [cnc] = await db.select().from(machines).where(eq(machines.boardId, 3));
  const result = await setBoardCredentials(db, admin!.personId, { machineId: cnc!.id, username: "cnc-board" });
  if (!result.ok) throw new Error(result.message);
  login = { username: result.username, password: result.password };
  await f.refresh();
});
afterAll(() => f.close());

function rawSocket(from: string): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection({ host: "127.0.0.1", port: f.broker.port, localAddress: from });
    socket.once("connect", () => resolve(socket)).once("error", reject);
  });
}
/** The promise's value, or null if it takes longer than `ms` (a refused attempt may end in several ways). */
const within = <T>(ms: number, work: Promise<T>): Promise<T | null> =>
  Promise.race([work.catch(() => null), new Promise<null>((resolve) => setTimeout(() => resolve(null), ms))]);
const closed = (socket: net.Socket) => new Promise<void>((resolve) => (socket.destroyed ? resolve() : socket.once("close", () => resolve())));

describe("per-source limits", () => {
  it("closes a connection that sends no CONNECT", async () => {
    const silent = await rawSocket("127.0.0.30");
    await closed(silent); // after connectTimeoutMs; a board sends CONNECT at once
  });

  it("caps the connections one address may hold, and other addresses are not affected", async () => {
    const held = await Promise.all([1, 2, 3, 4].map(() => rawSocket("127.0.0.31")));
    const fifth = await rawSocket("127.0.0.31");
    await closed(fifth);
    expect(held.every((s) => !s.destroyed)).toBe(true);
    expect(f.broker.metrics.refusedConnections).toBeGreaterThan(0);
    await expectReply(
      await connectBoard(f.broker.port, 5, undefined, { from: "127.0.0.32" }).then(f.track),
      4242,
      '{"action":"checkmachine"}',
      '{"request_ok":false,"message":"Invalid machine ID"}',
    );
    held.forEach((s) => s.destroy());
  });
});

describe("wrong-password flood", () => {
  it("keeps the paired board answered within its 2 s and the credentialed board able to log in", { timeout: 120_000 }, async () => {
    // A credentialed board logged in once (its password is then known by its digest) and a paired anonymous one.
    await expectReply(await connectBoard(f.broker.port, 300, login).then(f.track), 3, '{"action":"checkmachine"}', expect.any(String) as never);
    const board = new SimulatedBoard({
      url: `mqtt://127.0.0.1:${f.broker.port}`,
      machineId: 1,
      localAddress: "127.0.0.40",
      timings: { checkMachineMs: 0, aliveMs: 0, inUseMs: 0, replyTimeoutMs: 2_000, reconnectMs: 500 },
    });
    await board.start();
    let flooding = true;
    let attempts = 0;
    // Wrong passwords for the credentialed machine from 20 addresses, as fast as the broker takes them.
    const flood = Array.from({ length: 20 }, async (_, i) => {
      while (flooding) {
        attempts++;
        const wrong = { username: login.username, password: `wrong-${attempts}` };
        const client = await within(5_000, connectBoard(f.broker.port, `FLOOD${i}`, wrong, { from: `127.0.1.${i + 1}` }));
        if (client) await within(2_000, client.endAsync(true));
      }
    });
    try {
      const answers = [];
      for (let i = 0; i < 30; i++) answers.push(await board.request({ action: "checkuser", uid: i % 2 ? "efbeadde" : "0badcafe" }));
      // null would mean no answer within the board's 2 s.
      expect(answers.filter((a) => a.reply === null)).toEqual([]);
      expect(answers.filter((a) => a.reply?.is_valid === true)).toHaveLength(15);
      // The real credentialed board reconnects in the middle of the flood and gets in.
      await expectReply(await connectBoard(f.broker.port, 301, login).then(f.track), 3, '{"action":"checkmachine"}', expect.any(String) as never);
    } finally {
      flooding = false;
      await Promise.all(flood);
      await board.close();
    }
    expect(attempts).toBeGreaterThan(100);
    expect(f.broker.metrics.refusedLogins).toBeGreaterThan(50);
  });
});
