import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cards, machines, usageSessions } from "@/lib/db/schema";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { recordBoardAlive } from "../usage/record-board-alive";
import { machineBoards, machineUsagePage, USAGE_PAGE_SIZE } from "./machine-operations";
import { BOARD_VIEWER } from "../people/testing/viewers";

let t: DemoDatabase;
let machineId: number;
let mario: number;
let tom: number;
const T0 = new Date("2026-03-02T10:00:00Z");
const day = (n: number) => new Date(T0.getTime() + n * 86_400_000);

beforeAll(async () => {
  t = await createDemoDatabase();
  const [laser] = await t.db.select().from(machines).where(eq(machines.boardId, 1));
  machineId = laser!.id;
  mario = (await t.db.select().from(cards).where(eq(cards.uid, "efbeadde")))[0]!.personId;
  tom = (await t.db.select().from(cards).where(eq(cards.uid, "b0000002")))[0]!.personId;
  const rows = Array.from({ length: 30 }, (_, i) => {
    const startedAt = day(i);
    const who = i % 3 === 0 ? tom : mario;
    return {
      machineId,
      personId: who,
      cardUid: who === tom ? "b0000002" : "efbeadde",
      startedAt,
      endedAt: new Date(startedAt.getTime() + 3_600_000),
      durationSeconds: 3600,
      recordedAs: "live" as const,
      endedBecause: "stop" as const,
      lastHeartbeatAt: startedAt,
      openedByEventAt: startedAt,
    };
  });
  await t.db.insert(usageSessions).values(rows);
});
afterAll(() => t.close());

describe("machine usage history", () => {
  it("pages newest first and clamps the page number", async () => {
    const first = await machineUsagePage(t.db, BOARD_VIEWER, machineId, { page: 1 });
    expect(first).toMatchObject({ total: 30, pages: 2, page: 1 });
    expect(first.rows).toHaveLength(USAGE_PAGE_SIZE);
    expect(first.rows[0]!.startedAt).toEqual(day(29));
    const last = await machineUsagePage(t.db, BOARD_VIEWER, machineId, { page: 99 });
    expect(last.page).toBe(2);
    expect(last.rows).toHaveLength(5);
    expect(last.rows.at(-1)!.startedAt).toEqual(day(0));
  });

  it("filters by person and by period", async () => {
    const toms = await machineUsagePage(t.db, BOARD_VIEWER, machineId, { personId: tom });
    expect(toms.total).toBe(10);
    expect(toms.rows.every((r) => r.personName === "Tom Trainer")).toBe(true);
    const week = await machineUsagePage(t.db, BOARD_VIEWER, machineId, { from: day(7), to: day(14) });
    expect(week.total).toBe(7);
    expect((await machineUsagePage(t.db, BOARD_VIEWER, machineId, { personId: mario, from: day(7), to: day(14) })).total).toBe(5);
  });

  it("lists the boards that reported", async () => {
    await recordBoardAlive(t.db, { machineId, clientId: "BOARD7", version: "esp32,v1.9", ip: "10.0.0.7", serial: "abc", heap: 180000, receivedAt: T0 });
    const list = await machineBoards(t.db, machineId);
    expect(list[0]).toMatchObject({ ip: "10.0.0.7", firmwareVersion: "esp32,v1.9" });
  });
});
