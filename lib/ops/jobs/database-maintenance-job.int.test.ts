import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { people } from "@/lib/db/schema";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { isEmbeddedDatabase } from "../db-maintenance";
import { allJobs } from "./jobs";
import { runJobByHand } from "./run-by-hand";

let t: DemoDatabase;
beforeAll(async () => {
  t = await createDemoDatabase();
});
afterAll(async () => {
  await t.close();
});

const job = () =>
  allJobs({ db: t.db, mailer: { send: async () => {} }, dataDir: "/nonexistent", appVersion: "0.0.0-test" }).find((j) => j.name === "database-maintenance")!;

describe("database-maintenance", () => {
  it("is a daily job after the retention purge", () => {
    expect(job().schedule).toEqual({ cadence: "daily", atHour: 4 });
  });

  it("vacuums and analyzes the embedded database (it has no autovacuum); on PostgreSQL leaves it to autovacuum", async () => {
    const result = await runJobByHand(t.db, job());
    expect(result.outcome).toBe("ok");
    if (!(await isEmbeddedDatabase(t.db))) return void expect(result.detail).toMatch(/^skipped: PostgreSQL's autovacuum/);
    expect(result.detail).toMatch(/^VACUUM ANALYZE in \d+ ms$/);
    const [stats] = await t.db.execute<{ vacuumed: boolean; analyzed: boolean; rows: number }>(
      sql`select s.last_vacuum is not null as vacuumed, s.last_analyze is not null as analyzed, c.reltuples::int as rows
          from pg_stat_user_tables s join pg_class c on c.oid = s.relid where s.relname = 'people'`,
    );
    const [count] = await t.db.select({ n: sql<number>`count(*)::int` }).from(people);
    expect(stats).toEqual({ vacuumed: true, analyzed: true, rows: count!.n });
  });
});
