import type { Db } from "@/lib/db/client";
import { accounts } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing/test-database";
import { ensureReferenceData } from "@/drizzle/reference-data";
import { seedDemoData } from "@/drizzle/seed";

export interface PeopleFixture extends TestDatabase {
  /** Person ids of the demo accounts by the local part of their email: admin, trainer, member, maria, applicant. */
  ids: Record<"admin" | "trainer" | "member" | "maria" | "applicant", number>;
}

/** A fresh database with reference rows and the demo people. */
export async function createPeopleFixture(): Promise<PeopleFixture> {
  const t = await createTestDatabase();
  await ensureReferenceData(t.db);
  await seedDemoData(t.db, "demo-password-123");
  const ids: Record<string, number> = {};
  for (const a of await t.db.select().from(accounts)) ids[a.email.split("@")[0]!] = a.personId;
  return { ...t, ids: ids as PeopleFixture["ids"] };
}

/** The Postgres error code of a failed statement (drizzle wraps the driver's error in `cause`). */
export function pgErrorOf(error: unknown): { code?: string; constraint_name?: string; message?: string } {
  const e = error as { cause?: unknown; code?: string };
  return (e?.cause ?? e) as { code?: string; constraint_name?: string; message?: string };
}

export async function expectPgError(run: () => Promise<unknown>): Promise<{ code?: string; constraint_name?: string; message?: string }> {
  try {
    await run();
  } catch (error) {
    return pgErrorOf(error);
  }
  throw new Error("expected the database to refuse this");
}

export type { Db };
