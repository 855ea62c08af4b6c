import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStatusChanges } from "@/lib/db/schema";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { countingDb, type CountingDb } from "@/lib/db/testing/query-counter";
import { openSince } from "./open-status";

// "Since" on the start page is one statement returning one row (it read up to 200 rows of history on every request),
// with the answer of walking the whole history: the first change of the latest run of equal states, in (at, id) order.
let t: DemoDatabase;
let counted: CountingDb;

beforeAll(async () => {
  t = await createDemoDatabase();
  counted = countingDb(t.url);
  await openSince(counted.db); // the connection opened, its types fetched
});
afterAll(async () => {
  await counted?.close();
  await t?.close();
});

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute));
type Change = { open: boolean; minute: number; message?: string };

/** The history as given, in insertion order (ids grow): a later insert may carry an earlier time. */
async function history(changes: Change[]) {
  await t.db.execute(sql`truncate ${openStatusChanges}`);
  if (!changes.length) return;
  await t.db.insert(openStatusChanges).values(changes.map((c) => ({ open: c.open, message: c.message ?? "", sensorName: "door", at: at(c.minute) })));
}

/** The answer by walking every row, latest first. */
async function walked() {
  const rows = await t.db.select().from(openStatusChanges);
  rows.sort((a, b) => b.at.getTime() - a.at.getTime() || b.id - a.id);
  const latest = rows[0];
  if (!latest) return null;
  let since = latest.at;
  for (const row of rows) {
    if (row.open !== latest.open) break;
    since = row.at;
  }
  return { open: latest.open, since, message: latest.message };
}

const run = (open: boolean, from: number, n: number): Change[] => Array.from({ length: n }, (_, i) => ({ open, minute: from + i }));

const CASES: [string, Change[], { open: boolean; minute: number } | null][] = [
  ["no history", [], null],
  ["one change", [{ open: false, minute: 5 }], { open: false, minute: 5 }],
  ["always open", run(true, 0, 4), { open: true, minute: 0 }],
  ["flapping", [...run(true, 0, 2), ...run(false, 2, 3), ...run(true, 5, 1), ...run(false, 6, 2)], { open: false, minute: 6 }],
  ["flapping, the latest alone in its run", [...run(false, 0, 3), ...run(true, 3, 1)], { open: true, minute: 3 }],
  [
    "equal times, the id decides",
    [
      { open: true, minute: 1 },
      { open: false, minute: 2 },
      { open: true, minute: 2 },
      { open: true, minute: 3 },
    ],
    { open: true, minute: 2 },
  ],
  [
    "a change inserted later with an earlier time",
    [
      { open: true, minute: 1 },
      { open: true, minute: 5 },
      { open: false, minute: 3 },
    ],
    { open: true, minute: 5 },
  ],
  ["a run longer than 200 changes (a sensor reporting every minute)", [...run(false, 0, 1), ...run(true, 1, 250)], { open: true, minute: 1 }],
];

describe("openSince", () => {
  it.each(CASES)("%s: the walked answer, in one statement", async (_name, changes, expected) => {
    await history(changes.map((c, i) => ({ ...c, message: `change ${i}` })));
    counted.reset();
    const found = await openSince(counted.db);
    expect(counted.queries).toHaveLength(1);
    expect(found).toEqual(await walked());
    expect(found && { open: found.open, since: found.since }).toEqual(expected && { open: expected.open, since: at(expected.minute) });
  });
});

describe("openSince's plan", () => {
  it("finds the other state's latest change on the (open, at, id) index, not by walking the current run", async () => {
    // A long history of flips, then a long run (a sensor reporting every minute for days), with statistics.
    await history(Array.from({ length: 3000 }, (_, i) => ({ open: i % 2 === 1, minute: i - 3000 })).concat([{ open: false, minute: 0 }]));
    await t.db.execute(sql`insert into ${openStatusChanges} (open, message, sensor_name, at)
      select true, '', 'door', ${at(1).toISOString()}::timestamptz + make_interval(mins => n) from generate_series(1, 5000) n`);
    await t.db.execute(sql`analyze ${openStatusChanges}`);
    counted.reset();
    expect(await openSince(counted.db)).toMatchObject({ open: true, since: at(2) });
    const raw = postgres(t.url, { max: 1, onnotice: () => {} });
    const rows = await raw
      .unsafe<{ "QUERY PLAN": string }[]>(`explain (costs off) ${counted.queries[0]}`, counted.parameters[0] as never[])
      .finally(() => raw.end());
    const plan = rows.map((row) => row["QUERY PLAN"]).join("\n");
    expect(plan).toMatch(/open_status_changes_open_at_id_index on open_status_changes d\n\s+Index Cond: \(open = /);
    expect(plan).toMatch(/open_status_changes_at_id_index on open_status_changes c\n\s+Index Cond: \(ROW\(at, id\) > ROW\(d\.at, d\.id\)\)/);
  });
});
