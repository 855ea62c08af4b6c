import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, boardPairings, machines, profiles } from "@/lib/db/schema";
import { setBoardCredentials } from "@/lib/domain/usage/board-credentials";
import { connectBoard } from "./testing/board-client";
import { startBrokerFixture, type BrokerFixture } from "./testing/broker-fixture";
import { expectReply, publishRefused, subscribeRefused } from "./testing/replies";

const CHECK = '{"action":"checkmachine"}';
let f: BrokerFixture;
let login: { username: string; password: string };
let cncId: number;
let adminId: number;
beforeAll(async () => {
  f = await startBrokerFixture();
  const db = f.database.db;
  adminId = (await db.select().from(profiles).where(eq(profiles.email, "admin@makerspace.local")))[0]!.personId;
  cncId = (await db.select().from(machines).where(eq(machines.boardId, 3)))[0]!.id;
  const result = await setBoardCredentials(db, adminId, { machineId: cncId, username: "cnc-board" });
  if (!result.ok) throw new Error(result.message);
  login = { username: result.username, password: result.password };
  // Machine 2's board is paired: another board, another address, window closed.
  const printer = (await db.select().from(machines).where(eq(machines.boardId, 2)))[0]!;
  const paired = { identityKey: "serial:other", serial: "other", remoteAddress: "127.0.0.9", pairedAt: new Date(), windowOpenedAt: null };
  await db
    .insert(boardPairings)
    .values({ machineId: printer.id, ...paired })
    .onConflictDoUpdate({ target: boardPairings.machineId, set: paired });
  await f.refresh();
});
afterAll(() => f.close());

let n = 600;
const anonymous = () => connectBoard(f.broker.port, n++).then((c) => f.track(c));
const loggedIn = (credentials = login) => connectBoard(f.broker.port, n++, credentials).then((c) => f.track(c));

describe("board credentials", () => {
  it("stores only a hash, returns the password once, and audits the change without the secret", async () => {
    const [row] = await f.database.db.select().from(machines).where(eq(machines.id, cncId));
    expect(row!.boardUsername).toBe("cnc-board");
    expect(row!.boardPasswordHash).toMatch(/^\$argon2id\$/);
    expect(row!.boardPasswordHash).not.toContain(login.password);
    const [entry] = await f.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.changeType, "machine.board_credentials.set"), eq(auditLog.entityId, String(cncId))));
    expect(entry!.actorId).toBe(adminId);
    expect(JSON.stringify(entry)).not.toContain(login.password);
    expect(JSON.stringify(entry)).not.toContain("argon2");
    expect(entry!.after).toEqual({ boardUsername: "cnc-board", boardPassword: "set" });
  });

  it("lets the machine's board in with them and answers it", async () => {
    await expectReply(
      await loggedIn(),
      3,
      CHECK,
      '{"request_ok":true,"is_valid":true,"maintenance":false,"allowed":true,"name":"CNC ROUTER","logoff":240,"type":3,"grace":2,"description":""}',
    );
  });

  it("refuses a wrong password or an unknown username at CONNECT", async () => {
    await expect(loggedIn({ username: "cnc-board", password: "wrong-password-123" })).rejects.toThrow(/authori/i);
    await expect(loggedIn({ username: "nobody", password: login.password })).rejects.toThrow(/authori/i);
  });

  it("refuses an anonymous board on a machine that has credentials", async () => {
    await publishRefused(await anonymous(), "machine/3", CHECK);
    expect(await subscribeRefused(await anonymous(), "machine/3/reply")).toBe(true);
  });

  it("refuses the old password after a rotation", async () => {
    const rotated = await setBoardCredentials(f.database.db, adminId, { machineId: cncId });
    if (!rotated.ok) throw new Error(rotated.message);
    expect(rotated.username).toBe("cnc-board");
    await f.refresh(); // the broker decides from its snapshot, reloaded within about a second of a change
    await expect(loggedIn()).rejects.toThrow(/authori/i);
    login = { username: rotated.username, password: rotated.password };
    await expectReply(
      await loggedIn(),
      3,
      CHECK,
      '{"request_ok":true,"is_valid":true,"maintenance":false,"allowed":true,"name":"CNC ROUTER","logoff":240,"type":3,"grace":2,"description":""}',
    );
  });

  it("refuses credential changes by someone without equipment.manage", async () => {
    const memberId = (await f.database.db.select().from(profiles).where(eq(profiles.email, "member@makerspace.local")))[0]!.personId;
    expect(await setBoardCredentials(f.database.db, memberId, { machineId: cncId })).toMatchObject({ ok: false, code: "forbidden" });
  });
});

describe("topic ACL", () => {
  it("keeps a logged-in board to its own machine's topics", async () => {
    await publishRefused(await loggedIn(), "machine/1", CHECK);
    await publishRefused(await loggedIn(), "machine/3/reply", '{"request_ok":true}');
    await publishRefused(await loggedIn(), "machine/3/request", '{"request_type":"start","uid":"efbeadde"}');
    const board = await loggedIn();
    for (const topic of ["#", "machine/+/reply", "machine/1/reply", "machine/1/request", "$SYS/#", "machine/3", "other"]) {
      expect(await subscribeRefused(board, topic), topic).toBe(true);
    }
    expect(await subscribeRefused(board, "machine/3/reply")).toBe(false);
    expect(await subscribeRefused(board, "machine/3/request")).toBe(false);
  });

  it("lets anonymous boards act only for machines they are paired with", async () => {
    await expectReply(
      await anonymous(),
      1,
      CHECK,
      '{"request_ok":true,"is_valid":true,"maintenance":false,"allowed":true,"name":"LASER 1","logoff":480,"type":2,"grace":2,"description":""}',
    );
    await publishRefused(await anonymous(), "machine/2", '{"action":"checkuser","uid":"efbeadde"}');
    await publishRefused(await anonymous(), "machine/1/reply", '{"request_ok":true}');
    await publishRefused(await anonymous(), "$SYS/broker/x", "x");
    const board = await anonymous();
    for (const topic of ["#", "+", "machine/#", "machine/+/request", "$SYS/#", "machine/2/reply"]) {
      expect(await subscribeRefused(board, topic), topic).toBe(true);
    }
  });

  it("still tells a board configured with an id no machine has that the id is invalid", async () => {
    await expectReply(await anonymous(), 4242, CHECK, '{"request_ok":false,"message":"Invalid machine ID"}');
  });
});
