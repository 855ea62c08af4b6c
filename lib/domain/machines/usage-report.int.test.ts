import ExcelJS from "exceljs";
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translator } from "@/lib/i18n/translate";
import { cards, machines, profiles, usageSessions } from "@/lib/db/schema";
import type { Permission } from "../access/permissions";
import { machineInterventions, machineUsagePage, machineUsers } from "./machine-operations";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { usageCsvStream, usageXlsxStream } from "./usage-export";
import { listUsage, parseUsageFilter, usagePages, usageTotals, weeklyHours } from "./usage-report";
import { BOARD_VIEWER } from "../people/testing/viewers";
import { countingDb } from "@/lib/db/testing/query-counter";

const drain = async (stream: ReadableStream<Uint8Array>): Promise<Buffer> => Buffer.from(await new Response(stream).arrayBuffer());

let t: DemoDatabase;
let laser: number;
let printer: number;
let mario: number;
let tom: number;
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  t = await createDemoDatabase();
  laser = (await t.db.select().from(machines).where(eq(machines.boardId, 1)))[0]!.id;
  printer = (await t.db.select().from(machines).where(eq(machines.boardId, 2)))[0]!.id;
  mario = (await t.db.select().from(cards).where(eq(cards.uid, "efbeadde")))[0]!.personId;
  tom = (await t.db.select().from(cards).where(eq(cards.uid, "b0000002")))[0]!.personId;
  const session = (machineId: number, personId: number, start: string, minutes: number, recordedAs: "live" | "replayed" | "reconstructed" = "live") => {
    const startedAt = at(start);
    return {
      machineId,
      personId,
      cardUid: personId === mario ? "efbeadde" : "b0000002",
      startedAt,
      endedAt: new Date(startedAt.getTime() + minutes * 60_000),
      durationSeconds: minutes * 60,
      recordedAs,
      endedBecause: "stop" as const,
      lastHeartbeatAt: startedAt,
      openedByEventAt: startedAt,
    };
  };
  await t.db.insert(usageSessions).values([
    session(laser, mario, "2026-03-02T10:00:00Z", 60), // Monday, week 2026-03-02
    session(laser, tom, "2026-03-04T10:00:00Z", 30, "replayed"),
    session(printer, mario, "2026-03-10T10:00:00Z", 120, "reconstructed"), // week 2026-03-09
  ]);
});
afterAll(() => t.close());

describe("usage report", () => {
  it("parses filters and ignores malformed values", () => {
    expect(parseUsageFilter({ person: "3", machine: "x", from: "2026-03-01", to: "2026-13-45" })).toEqual({
      personId: 3,
      machineId: undefined,
      from: at("2026-03-01T00:00:00Z"),
      to: undefined,
      timeZone: "UTC",
    });
    expect(parseUsageFilter({ to: "2026-03-04" }).to).toEqual(at("2026-03-05T00:00:00Z"));
  });

  it("reads the days in the space's zone: Vienna's 29 March 2026 has 23 hours", () => {
    const day = parseUsageFilter({ from: "2026-03-29", to: "2026-03-29" }, "Europe/Vienna");
    expect([day.from, day.to]).toEqual([at("2026-03-28T23:00:00Z"), at("2026-03-29T22:00:00Z")]);
    expect(parseUsageFilter({ from: "2026-02-30" }, "Europe/Vienna").from).toBeUndefined();
  });

  it("totals per machine and per person, filtered", async () => {
    const all = await usageTotals(t.db, BOARD_VIEWER, {});
    expect(all.sessions).toBe(3);
    expect(all.hours).toBeCloseTo(3.5);
    expect(all.byMachine.map((m) => [m.name, m.hours])).toEqual([
      ["LASER 1", 1.5],
      ["PRUSA MK4", 2],
    ]);
    expect(all.byPerson.map((p) => [p.name, p.sessions, p.hours])).toEqual([
      ["Mario Rossi", 2, 3],
      ["Tom Trainer", 1, 0.5],
    ]);
    const marioLaser = await usageTotals(t.db, BOARD_VIEWER, { personId: mario, machineId: laser });
    expect(marioLaser.hours).toBe(1);
    const firstWeek = await usageTotals(t.db, BOARD_VIEWER, parseUsageFilter({ from: "2026-03-01", to: "2026-03-08" }));
    expect(firstWeek.sessions).toBe(2);
    expect(tom).toBeGreaterThan(0);
  });

  it("hours per machine per week", async () => {
    expect(await weeklyHours(t.db, {})).toEqual([
      { week: "2026-03-02", machine: "LASER 1", hours: 1.5 },
      { week: "2026-03-09", machine: "PRUSA MK4", hours: 2 },
    ]);
  });

  it("exports the filtered list as XLSX and CSV with the recorded-as marks", async () => {
    const rows = await listUsage(t.db, BOARD_VIEWER, { personId: mario });
    // Pages of one row: the export must carry on across keyset pages and give the same rows in the same order.
    const pages = () => usagePages(t.db, BOARD_VIEWER, { personId: mario }, 1);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await drain(usageXlsxStream(translator("en"), pages()))) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("Usage")!;
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(1).values).toEqual([undefined, "Use no.", "Machine", "Person", "Card uid", "Started", "Ended", "Minutes", "Recorded as"]);
    expect((sheet.getRow(2).values as unknown[]).slice(2)).toEqual([
      "PRUSA MK4",
      "Mario Rossi",
      "efbeadde",
      "2026-03-10T10:00:00.000Z",
      "2026-03-10T12:00:00.000Z",
      120,
      "reconstructed",
    ]);
    expect((sheet.getRow(3).values as unknown[]).slice(2)).toEqual([
      "LASER 1",
      "Mario Rossi",
      "efbeadde",
      "2026-03-02T10:00:00.000Z",
      "2026-03-02T11:00:00.000Z",
      60,
      "live",
    ]);
    const csvText = (await drain(usageCsvStream(translator("en"), pages()))).toString("utf8");
    expect(csvText.startsWith("\uFEFF")).toBe(true);
    const csv = csvText.slice(1).trim().split("\r\n");
    expect(csv).toHaveLength(rows.length + 1);
    expect((await drain(usageCsvStream(translator("de"), pages()))).toString("utf8").slice(1).split("\r\n")[0]).toBe(
      "Nutzung Nr.,Maschine,Person,Karten-UID,Beginn,Ende,Minuten,Erfasst als",
    );
    expect(csv[1]).toContain(",PRUSA MK4,Mario Rossi,efbeadde,");
    expect(csv[1]!.endsWith(",120,reconstructed")).toBe(true);
  });

  it("pages exactly through starts that differ only in microseconds: every session once, in order", async () => {
    // A Date keeps milliseconds: a page key cut to them skipped the later starts within that millisecond.
    const starts = ["10:00:00.123999", "10:00:00.123456", "10:00:00.123456", "10:00:00.123400", "10:00:00.123001", "10:00:00.123", "10:00:00.122999"];
    const inserted = (await t.db.execute(sql`
      insert into usage_sessions (machine_id, person_id, card_uid, started_at, ended_at, duration_seconds, recorded_as, ended_because, last_heartbeat_at, opened_by_event_at)
      select ${printer}, ${tom}, 'b0000002', s, s + interval '1 minute', 60, 'live', 'stop', s, s
      from unnest(${sql.raw(`array[${starts.map((s) => `'2027-01-05T${s}Z'::timestamptz`).join(",")}]`)}) as s
      returning id, to_char(started_at at time zone 'UTC', 'HH24:MI:SS.US') as start`)) as unknown as { id: number; start: string }[];
    const ids = inserted.map((r) => r.id);
    try {
      const filter = parseUsageFilter({ from: "2027-01-05", to: "2027-01-05" });
      // Newest first, the id breaking the tie between the two equal starts.
      const expected = [...inserted].sort((a, b) => (a.start === b.start ? b.id - a.id : a.start < b.start ? 1 : -1)).map((r) => r.id);
      for (const pageSize of [1, 2, 3]) {
        const paged: number[] = [];
        for await (const page of usagePages(t.db, BOARD_VIEWER, filter, pageSize)) paged.push(...page.map((r) => r.id));
        expect(paged, `pages of ${pageSize}`).toEqual(expected);
      }
      expect((await listUsage(t.db, BOARD_VIEWER, filter, { limit: 1 }))[0]!.startedAtKey).toBe("2027-01-05T10:00:00.123999Z");
    } finally {
      await t.db.delete(usageSessions).where(inArray(usageSessions.id, ids));
    }
  });

  it("names people to an operator (machines.operate, not the board) only as each lets them see", async () => {
    const operator = { personId: tom, permissions: new Set<Permission>(["directory.read", "machines.operate"]) };
    await t.db.update(profiles).set({ boardOnly: true }).where(eq(profiles.personId, mario));
    try {
      const hidden = `#${mario}`;
      expect((await listUsage(t.db, operator, {})).map((r) => r.personName)).toEqual([hidden, "Tom Trainer", hidden]);
      expect((await usageTotals(t.db, operator, {})).byPerson.map((p) => p.name)).toEqual([hidden, "Tom Trainer"]);
      expect((await machineUsagePage(t.db, operator, laser)).rows.map((r) => r.personName)).toEqual(["Tom Trainer", hidden]);
      expect((await machineUsers(t.db, operator, laser)).map((u) => u.name)).toEqual([hidden, "Tom Trainer"]);
      expect((await machineUsers(t.db, operator, null)).map((u) => u.name)).toEqual([hidden, "Tom Trainer"]);
      expect(await machineInterventions(t.db, operator, laser)).toEqual([]);
      expect((await drain(usageCsvStream(translator("en"), usagePages(t.db, operator, {}, 2)))).toString("utf8")).not.toContain("Rossi");
      // The board sees the name.
      expect((await machineUsers(t.db, BOARD_VIEWER, laser)).map((u) => u.name)).toEqual(["Mario Rossi", "Tom Trainer"]);
    } finally {
      await t.db.update(profiles).set({ boardOnly: false }).where(eq(profiles.personId, mario));
    }
  });

  it("offers the report's filter everyone who used a machine, the same people as the unfiltered totals, without reading the sessions", async () => {
    const totalled = (await usageTotals(t.db, BOARD_VIEWER, {})).byPerson.flatMap((p) => (p.personId === null ? [] : [p.personId]));
    const counted = countingDb(t.url);
    try {
      expect((await machineUsers(counted.db, BOARD_VIEWER, null)).map((u) => u.personId).sort()).toEqual(totalled.sort());
      expect((await machineUsers(counted.db, BOARD_VIEWER, printer)).map((u) => u.personId)).toEqual([mario]);
      // One index probe per person (a skip scan) and their names: nothing sums or groups the sessions.
      const sessionQueries = counted.queries.filter((q) => q.includes("usage_sessions"));
      expect(sessionQueries).toHaveLength(2);
      for (const q of sessionQueries) expect(q).not.toMatch(/sum\(|count\(|group by|duration_seconds/i);
    } finally {
      await counted.close();
    }
  });

  it("leaves out of the filter whoever used a machine only in flagged sessions (they count in no report)", async () => {
    const start = at("2026-03-11T10:00:00Z");
    const [flagged] = await t.db
      .insert(usageSessions)
      .values({
        machineId: printer,
        personId: tom,
        cardUid: "b0000002",
        startedAt: start,
        endedAt: new Date(start.getTime() + 60_000),
        durationSeconds: 60,
        recordedAs: "live",
        endedBecause: "stop",
        lastHeartbeatAt: start,
        openedByEventAt: start,
        flaggedReason: "too_long",
      })
      .returning({ id: usageSessions.id });
    try {
      expect((await machineUsers(t.db, BOARD_VIEWER, printer)).map((u) => u.personId)).toEqual([mario]);
    } finally {
      await t.db.delete(usageSessions).where(eq(usageSessions.id, flagged!.id));
    }
  });
});
