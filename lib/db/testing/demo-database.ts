import { ensureReferenceData } from "@/drizzle/reference-data";
import { seedDemoData, type DemoSeed } from "@/drizzle/seed";
import { accounts } from "../schema";
import { createTestDatabase, type TestDatabase } from "./test-database";

/** The demo people's password in tests (a file that checks passwords may choose its own). */
export const DEMO_PASSWORD = "demo-password-123";

export interface DemoDatabase extends TestDatabase {
  seed: DemoSeed;
  /** Person ids of the demo accounts by the local part of their email. */
  ids: Record<"admin" | "trainer" | "member" | "maria" | "applicant", number>;
}

/**
 * A fresh database as `npm start` leaves an empty one: migrated (createTestDatabase: PGlite, or a clone on the
 * PostgreSQL at DATABASE_URL), the reference rows, and the demo data of drizzle/seed.ts (people with cards, the
 * machines on boards 1–3). Close it after the file's tests.
 */
export async function createDemoDatabase(options: { password?: string } = {}): Promise<DemoDatabase> {
  const t = await createTestDatabase();
  try {
    await ensureReferenceData(t.db);
    const seed = await seedDemoData(t.db, options.password ?? DEMO_PASSWORD);
    const ids: Record<string, number> = {};
    for (const a of await t.db.select({ email: accounts.email, personId: accounts.personId }).from(accounts)) ids[a.email.split("@")[0]!] = a.personId;
    return { ...t, seed, ids: ids as DemoDatabase["ids"] };
  } catch (error) {
    await t.close();
    throw error;
  }
}
