import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { runMigrations } from "@/drizzle/migrate";
import { createDb } from "../client";
import { pgliteExtensions } from "../embedded/embedded-postgres";
import { EmbeddedWireServer } from "../embedded/wire-server";

/**
 * Migrates once for the whole run. With DATABASE_URL: a template database there that each test file clones.
 * Without: a PGlite data-folder dump that each test file loads (much faster than a fresh initdb + migrations).
 */
export default async function setup(): Promise<() => Promise<void>> {
  return process.env.DATABASE_URL ? preparePostgresTemplate(process.env.DATABASE_URL) : preparePgliteDump();
}

async function preparePgliteDump(): Promise<() => Promise<void>> {
  const pg = await PGlite.create({ extensions: pgliteExtensions });
  const server = new EmbeddedWireServer({ db: pg });
  const port = await server.start();
  const handle = createDb(`postgres://postgres@127.0.0.1:${port}/postgres`, { max: 1 });
  await runMigrations(handle.db);
  await handle.close();
  await server.stop();
  const dump = await pg.dumpDataDir("none");
  await pg.close();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ms-pglite-"));
  const file = path.join(dir, "migrated.tar");
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  process.env.TEST_PGLITE_DUMP = file;
  return async () => fs.rmSync(dir, { recursive: true, force: true });
}

async function preparePostgresTemplate(url: string): Promise<() => Promise<void>> {
  const base = new URL(url);
  const templateName = `ms_template_${process.pid}`;
  base.pathname = "/postgres";
  const admin = postgres(base.toString(), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${templateName}" with (force)`);
    await admin.unsafe(`create database "${templateName}"`);
  } catch (error) {
    await admin.end();
    throw new Error(`Cannot prepare the test database on ${url}: ${(error as Error).message}`);
  }
  const templateUrl = new URL(base.toString());
  templateUrl.pathname = `/${templateName}`;
  const handle = createDb(templateUrl.toString(), { max: 1 });
  await runMigrations(handle.db);
  await handle.close();
  process.env.TEST_PG_TEMPLATE_URL = templateUrl.toString();
  return async () => {
    await admin.unsafe(`drop database if exists "${templateName}" with (force)`);
    await admin.end();
  };
}
