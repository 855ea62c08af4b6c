import fs from "node:fs";
import path from "node:path";
import { asc, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events, things } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing/test-database";

// Migration 0022 gives rows from before it a slug. Replayed here on rows without one: the columns are dropped,
// rows inserted as an older version would have, and the migration's statements run again.
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.close());

describe("migration 0022 (readable slugs)", () => {
  it("gives existing things and events unique slugs from their names, namesakes and odd names included", async () => {
    await t.db.execute(sql`alter table things drop column slug`);
    await t.db.execute(sql`alter table events drop column slug`);
    for (const name of ["Lötstation Weller", "Lötstation Weller", "2024", "東京", "Café crème", "lotstation-weller-2"]) {
      await t.db.execute(sql`insert into things (name) values (${name})`);
      await t.db.execute(sql`insert into events (title, starts_at, ends_at, time_zone) values (${name}, now(), now() + interval '1 hour', 'Europe/Vienna')`);
    }
    const file = fs.readFileSync(path.join(import.meta.dirname, "migrations", "0022_readable_slugs.sql"), "utf8");
    for (const statement of file.split("--> statement-breakpoint")) await t.db.execute(sql.raw(statement));

    const thingSlugs = (await t.db.select({ slug: things.slug }).from(things).orderBy(asc(things.id))).map((r) => r.slug);
    expect(thingSlugs).toHaveLength(6);
    expect(new Set(thingSlugs).size).toBe(6);
    expect(thingSlugs.slice(0, 5)).toEqual(["lotstation-weller", expect.stringMatching(/^lotstation-weller-\d+$/), "thing-2024", "thing", "cafe-creme"]);
    const eventSlugs = (await t.db.select({ slug: events.slug }).from(events).orderBy(asc(events.id))).map((r) => r.slug);
    expect(new Set(eventSlugs).size).toBe(eventSlugs.length);
    expect(eventSlugs).toContain("event-2024");
  });
});
