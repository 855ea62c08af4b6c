import { accounts } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing/test-database";
import { ensureReferenceData } from "@/drizzle/reference-data";
import { seedDemoData } from "@/drizzle/seed";

/** A fresh database with the demo people; ids by the local part of their email (admin, member, maria …). */
export async function inventoryTestDatabase(): Promise<{ t: TestDatabase; ids: Record<string, number> }> {
  const t = await createTestDatabase();
  await ensureReferenceData(t.db);
  await seedDemoData(t.db, "demo-password-123");
  const ids: Record<string, number> = {};
  for (const a of await t.db.select().from(accounts)) ids[a.email.split("@")[0]!] = a.personId;
  return { t, ids };
}
