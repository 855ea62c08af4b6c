import fs from "node:fs";
import path from "node:path";
import { ensureReferenceData } from "@/drizzle/reference-data";
import { personRoles, roles } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing/test-database";
import { createPerson } from "../../../people/create-person";
import { eq } from "drizzle-orm";

/**
 * The database written by the real Fab-O-Matic backend (copied from ../shared/data/fabomatic, see README.md here)
 * and the decision that backend gives for every card on every machine.
 */
export const SAMPLE_PATH = path.join(import.meta.dirname, "sample.sqldb");
export const sampleBytes = (): Uint8Array => new Uint8Array(fs.readFileSync(SAMPLE_PATH));

export interface ExpectedDecisions {
  decisions: Record<string, Record<string, { is_valid: boolean; level: number }>>;
}
export const expectedDecisions = (): ExpectedDecisions =>
  JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "sample.expected.json"), "utf8")) as ExpectedDecisions;

export interface ImportFixture extends TestDatabase {
  /** An administrator of this system who runs the import (no card, an email that is not in the sample). */
  adminId: number;
}

/** A fresh database as after the first start of a space that moves in: reference rows and one administrator. */
export async function createImportFixture(): Promise<ImportFixture> {
  const t = await createTestDatabase();
  await ensureReferenceData(t.db);
  const { personId } = await createPerson(t.db, {
    statusKey: "member",
    firstName: "Mover",
    lastName: "Admin",
    email: "mover@test.invalid",
    password: "mover-password-123",
    assignMemberNumber: true,
  });
  const [admin] = await t.db.select().from(roles).where(eq(roles.key, "admin"));
  await t.db.insert(personRoles).values({ personId, roleId: admin!.id });
  return { ...t, adminId: personId };
}

/** The sample with some SQL applied: a "later file" of the same Fab-O-Matic installation. */
export async function modifiedSample(statements: string[]): Promise<Uint8Array> {
  const { default: initSqlJs } = await import("sql.js");
  const SQL = await initSqlJs();
  const db = new SQL.Database(sampleBytes());
  try {
    for (const s of statements) db.run(s);
    return db.export();
  } finally {
    db.close();
  }
}
