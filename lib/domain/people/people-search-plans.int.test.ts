import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { people, profiles } from "@/lib/db/schema";
import { personMatches, profileMatches, seenOnce } from "./person-match";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";

// The people search's statements as the planner sees them: which indexes each arm can use, in which order a
// broad text's page is read. Plans, not durations: the same on PGlite and PostgreSQL.
let t: DemoDatabase;
beforeAll(async () => {
  t = await createDemoDatabase();
});
afterAll(() => t?.close());

describe("the people search's plans", () => {
  it("keeps the search's trigram index without a pending list (fastupdate off), so a search never reads through one", async () => {
    // With the default a GIN index gathers new entries in a list every search scans until a vacuum empties it; the
    // embedded database has no autovacuum, and at 10,000 people that list made each search 20–40 ms (bench:people).
    const [index] = (await t.db.execute(sql`select reloptions from pg_class where relname = 'profiles_search_text_trgm_idx'`)) as unknown as {
      reloptions: string[] | null;
    }[];
    expect(index?.reloptions).toContain("fastupdate=false");
  });

  it("reaches every arm of a search (name, email, member number, card uid, login email) through an index, also when visibility counts", async () => {
    // With sequential scans priced out, a plan still holding one shows a condition no index can serve (an OR across
    // joined tables was one: every index skipped). Plans, not durations: the same on PGlite and PostgreSQL.
    const planOf = async (condition: ReturnType<typeof personMatches>) =>
      t.db.transaction(async (tx) => {
        await tx.execute(sql`set local enable_seqscan = off`);
        const rows = (await tx.execute(
          sql`explain select ${people.id} from ${people} left join ${profiles} on ${profiles.personId} = ${people.id} where ${condition}`,
        )) as unknown as Record<string, string>[];
        return rows.map((r) => Object.values(r)[0]).join("\n");
      });
    const seen = { name: sql`true`, email: sql`false`, cards: true };
    const withLogins = { ...seen, logins: true };
    for (const condition of [personMatches("12345678"), personMatches("12345678", seen), personMatches("12345678", withLogins)]) {
      const plan = await planOf(condition);
      expect(plan).not.toMatch(/Seq Scan/);
      expect(plan).toMatch(/profiles_search_text_trgm_idx/);
      expect(plan).toMatch(/Index Cond: \(search_text ~~ '%12345678%'::text\)/);
      expect(plan).toMatch(/people_memberNumber_unique"? on people/);
      expect(plan).toMatch(/Index Scan on cards_uid_index|using cards_uid_index on cards/);
    }
    // The login email's arm (those who manage people: the picker and the equipment search) has its own trigrams.
    const logins = await planOf(personMatches("12345678", withLogins));
    expect(logins).toMatch(/Bitmap Index Scan on accounts_email_trgm_idx/);
    expect(logins).toMatch(/Index Cond: \(email ~~ '%12345678%'::text\)/);
  });

  it("can read a search's named part in name order along profiles_name_idx, and serve a narrow text from indexes (profileMatches)", async () => {
    // namesFirst's page of a broad text (one letter matches everyone) walks the name index and stops after a page;
    // a narrow one reads the trigram and primary-key indexes. Plans with sorting, then sequential scans, priced out.
    const planOf = async (off: "enable_sort" | "enable_seqscan", condition: ReturnType<typeof profileMatches>) =>
      t.db.transaction(async (tx) => {
        await tx.execute(sql.raw(`set local ${off} = off`));
        const rows = (await tx.execute(sql`explain select ${people.id} from ${profiles} join ${people} on ${people.id} = ${profiles.personId}
          where ${condition} order by ${profiles.lastName}, ${profiles.firstName}, ${profiles.personId} limit 25`)) as unknown as Record<string, string>[];
        return rows.map((r) => Object.values(r)[0]).join("\n");
      });
    const seen = { name: sql`true`, email: sql`false`, cards: true, logins: true };
    for (const condition of [profileMatches("a"), profileMatches("a", seen)]) {
      const plan = await planOf("enable_sort", condition);
      // Each entry checked on the walk (not a hash of every match built first, as `people.id in (…)` would).
      expect(plan).toMatch(/Index Scan using profiles_name_idx on profiles[^\n]*\n\s+Filter: [^\n]*search_text ~~ '%a%'/);
      expect(plan).not.toMatch(/Sort|Hash/);
    }
    for (const condition of [profileMatches("12345678"), profileMatches("12345678", seen)]) {
      const plan = await planOf("enable_seqscan", condition);
      expect(plan).not.toMatch(/Seq Scan on profiles/);
      expect(plan).toMatch(/profiles_search_text_trgm_idx/);
      expect(plan).toMatch(/BitmapOr[\s\S]*profiles_pkey/);
    }
  });

  it("works out the viewer's sight of a row once, however often the search uses it", async () => {
    // Inlined, the rule ran again for the match, the shown name, the shown email and the order (2,000 matches).
    const seen = seenOnce(sql`(${profiles.visibility} ->> 'name') = 'public'`, sql`(${profiles.visibility} ->> 'email') = 'public'`);
    const rows = (await t.db.execute(sql`explain verbose select ${seen.name}, ${seen.email}, case when ${seen.name} then ${profiles.lastName} end
      from ${people} left join ${profiles} on ${profiles.personId} = ${people.id} left join ${seen.join} on true
      where ${personMatches("gruber", { ...seen, cards: false })}`)) as unknown as Record<string, string>[];
    const plan = rows.map((r) => Object.values(r)[0]).join("\n");
    // Its own node per row (the lateral's Result) works the rule out; the uses above only read its output.
    expect(plan).toMatch(/->\s+Result[^\n]*\n\s*Output: \(\(profiles\.visibility ->> 'name'::text\) = 'public'::text\), \(\(profiles\.visibility ->> 'email'/);
  });
});
