import fs from "node:fs";
import path from "node:path";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { membershipStatuses, people, profileStudies, studyFields } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing/test-database";
import { studiesOf } from "@/lib/domain/people/study-fields";

// Migration 0024 turns the free-text fields of study into the admins' list. Replayed here on rows as they were
// before it: the list and the link column are dropped, the text column comes back, the migration runs again.
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.close());

describe("migration 0024 (fields of study as a list)", () => {
  it("keeps every typed field: one list entry per name in any case, each study pointing at it, empty ones dropped", async () => {
    const [status] = await t.db.insert(membershipStatuses).values({ key: "replay", name: "Replay" }).returning({ id: membershipStatuses.id });
    const [{ id: personId }] = (await t.db.insert(people).values({ statusId: status!.id }).returning({ id: people.id })) as [{ id: number }];
    await t.db.execute(sql`alter table profile_studies drop column field_id`);
    await t.db.execute(sql`drop table study_fields`);
    await t.db.execute(sql`alter table profile_studies add column field text not null default ''`);
    for (const [field, start] of [
      ["Physics", 2010],
      [" physics", 2015],
      ["Design ", null],
      ["  ", null],
    ] as const) {
      await t.db.execute(sql`insert into profile_studies (person_id, field, start_year) values (${personId}, ${field}, ${start})`);
    }
    await t.db.execute(sql`alter table profile_studies alter column field drop default`);
    const file = fs.readFileSync(path.join(import.meta.dirname, "migrations", "0024_study_fields.sql"), "utf8");
    for (const statement of file.split("--> statement-breakpoint")) await t.db.execute(sql.raw(statement));

    expect((await t.db.select({ name: studyFields.name }).from(studyFields).orderBy(asc(studyFields.name))).map((r) => r.name)).toEqual(["Design", "Physics"]);
    expect((await studiesOf(t.db, [personId])).map((s) => [s.field, s.startYear])).toEqual([
      ["Physics", 2010],
      ["Physics", 2015],
      ["Design", null],
    ]);
    expect(await t.db.select().from(profileStudies).where(eq(profileStudies.personId, personId))).toHaveLength(3);
  });
});
