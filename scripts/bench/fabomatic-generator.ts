import fs from "node:fs";
import initSqlJs from "sql.js";
import { SAMPLE_PATH } from "@/lib/domain/import/fabomatic/testing/fabomatic-fixture";

export interface GeneratorOptions {
  users: number;
  machines: number;
  uses: number;
  /** Unix seconds the history ends at. */
  now?: number;
}

/** A deterministic pseudo-random sequence (mulberry32), so every run imports the same file. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A Fab-O-Matic database in the sample's schema (its CREATE statements copied from the file the real backend
 * wrote): the sample's roles and types, `users` users with cards (some without email, some disabled or deleted),
 * `machines` machines with scattered ids, five authorizations per user, a plan and interventions per machine,
 * `uses` uses over two years (5 % replayed, a few left open), a board and unknown cards per machine.
 */
export async function generateFabomaticDatabase(o: GeneratorOptions): Promise<Uint8Array> {
  const SQL = await initSqlJs();
  const sample = new SQL.Database(new Uint8Array(fs.readFileSync(SAMPLE_PATH)));
  const db = new SQL.Database();
  try {
    const ddl = sample
      .exec("select sql from sqlite_master where sql is not null and name not like 'sqlite_%' order by type = 'index', rowid")[0]!
      .values.map((v) => String(v[0]));
    for (const statement of ddl) db.run(statement);
    for (const table of ["alembic_version", "roles", "machine_types"]) {
      const rows = sample.exec(`select * from ${table}`)[0];
      for (const values of rows?.values ?? []) db.run(`insert into ${table} values (${values.map(() => "?").join(",")})`, values);
    }
  } finally {
    sample.close();
  }
  const rnd = random(42);
  const pick = <T>(items: T[]) => items[Math.floor(rnd() * items.length)]!;
  const now = o.now ?? Math.floor(Date.now() / 1000);
  const start = now - 2 * 365 * 86400;
  db.run("begin");
  const insertUser = db.prepare(
    "insert into users (user_id, name, surname, role_id, card_UUID, disabled, deleted, password_hash, email, receive_weekly_summary) values (?,?,?,?,?,?,?,?,?,0)",
  );
  const first = ["Giulia", "Marco", "Sara", "Jan", "Noor", "Ömer", "Ana-Maria", "D'Arcy", "Ilse", "Luca"];
  const last = ["Rossi", "Müller", "O'Neill", "Nguyễn", "van der Berg", "Šimić", "Huber", "Bakker"];
  insertUser.run([1, "Anonymous", "", 4, null, 0, 0, null, null]);
  for (let id = 2; id <= o.users + 1; id++) {
    const role = id < 5 ? 1 : rnd() < 0.1 ? 2 : 3;
    const card = (0x10000000 + id * 7919).toString(16).slice(-8);
    insertUser.run([id, pick(first), pick(last), role, card, rnd() < 0.03 ? 1 : 0, rnd() < 0.05 ? 1 : 0, null, rnd() < 0.1 ? null : `user${id}@example.org`]);
  }
  insertUser.free();
  const machineIds = Array.from({ length: o.machines }, (_, i) => 100 + i * 7);
  for (const [i, id] of machineIds.entries()) {
    db.run("insert into machines (machine_id, machine_name, machine_type_id, machine_hours, blocked, last_seen) values (?,?,?,0,?,?)", [
      id,
      `MACHINE ${id}`,
      (i % 5) + 1,
      i === 3 ? 1 : 0,
      now - 60,
    ]);
    db.run("insert into maintenances (maintenance_id, hours_between, description, machine_id, lcd_message, instructions_url) values (?,?,?,?,?,?)", [
      i + 1,
      50 + (i % 4) * 50,
      "Routine check",
      id,
      `CHECK ${id}`,
      `https://wiki.example.org/m/${id}`,
    ]);
    db.run("insert into boards (board_id, machine_id, ip_address, fw_version, last_seen, serial, heap) values (?,?,?,?,?,?,?)", [
      i + 1,
      id,
      `10.0.0.${i + 10}`,
      "1.3.8",
      now - 30,
      `serial${id}`,
      120000,
    ]);
    for (let k = 0; k < 4; k++)
      db.run("insert into interventions (maintenance_id, machine_id, user_id, timestamp, replay) values (?,?,?,?,0)", [
        i + 1,
        id,
        2 + (k % 3),
        start + (k + 1) * 90 * 86400,
      ]);
    db.run("insert into unknown_cards (card_UUID, timestamp, machine_id) values (?,?,?)", [(0xa0000000 + i).toString(16), now - i * 3600, id]);
  }
  const insertAuth = db.prepare("insert or ignore into authorizations (user_id, machine_id) values (?,?)");
  for (let user = 2; user <= o.users + 1; user++) for (let k = 0; k < 5; k++) insertAuth.run([user, pick(machineIds)]);
  insertAuth.free();
  const insertUse = db.prepare("insert into uses (use_id, user_id, machine_id, start_timestamp, last_seen, end_timestamp, replay) values (?,?,?,?,?,?,?)");
  const hours = new Map<number, number>();
  for (let id = 1; id <= o.uses; id++) {
    const machine = pick(machineIds);
    const begin = start + rnd() * (now - start - 86400);
    const seconds = Math.round(300 + rnd() * 7200);
    const open = id > o.uses - 3;
    insertUse.run([id, 2 + Math.floor(rnd() * o.users), machine, begin, begin + seconds, open ? null : begin + seconds, rnd() < 0.05 ? 1 : 0]);
    hours.set(machine, (hours.get(machine) ?? 0) + seconds / 3600);
  }
  insertUse.free();
  for (const [id, h] of hours) db.run("update machines set machine_hours = ? where machine_id = ?", [h, id]);
  db.run("commit");
  try {
    return db.export();
  } finally {
    db.close();
  }
}
