import initSqlJs, { type Database, type SqlValue } from "sql.js";
import type { FabSource } from "./source-types";

export type * from "./source-types";

export class FabSourceError extends Error {
  constructor(
    readonly code: "not_sqlite" | "not_fabomatic",
    message: string,
  ) {
    super(message);
  }
}

const REQUIRED: Record<string, string[]> = {
  roles: ["role_id", "role_name", "authorize_all"],
  users: ["user_id", "name", "surname", "role_id", "card_UUID", "disabled", "deleted"],
  machine_types: ["type_id", "type_name", "type_timeout_min"],
  machines: ["machine_id", "machine_name", "machine_type_id", "machine_hours", "blocked"],
};

let engine: Promise<Awaited<ReturnType<typeof initSqlJs>>> | undefined;

/** Opens the file's bytes; throws FabSourceError with a clear message when it is not a Fab-O-Matic database. */
export async function readFabomaticFile(bytes: Uint8Array): Promise<FabSource> {
  if (bytes.length < 100 || Buffer.from(bytes.subarray(0, 16)).toString("latin1") !== "SQLite format 3\0") {
    throw new FabSourceError("not_sqlite", "This is not a SQLite database file.");
  }
  engine ??= initSqlJs();
  const SQL = await engine;
  const db = new SQL.Database(bytes);
  try {
    const columns = columnsOf(db);
    for (const [table, needed] of Object.entries(REQUIRED)) {
      const missing = needed.filter((c) => !columns.get(table)?.has(c));
      if (missing.length) throw new FabSourceError("not_fabomatic", `Not a Fab-O-Matic database: table "${table}" lacks ${missing.join(", ")}.`);
    }
    const read = reader(db, columns);
    return {
      schemaVersion: columns.has("alembic_version") ? String(read("alembic_version", ["version_num"])[0]?.version_num ?? "") || null : null,
      roles: read("roles", ["role_id", "role_name", "authorize_all", "reserved", "maintenance", "backend_admin"]).map((r) => ({
        id: int(r.role_id),
        name: str(r.role_name),
        authorizeAll: bool(r.authorize_all),
        reserved: bool(r.reserved),
        maintenance: bool(r.maintenance),
        backendAdmin: bool(r.backend_admin),
      })),
      users: read("users", ["user_id", "name", "surname", "role_id", "card_UUID", "disabled", "deleted", "email"]).map((r) => ({
        id: int(r.user_id),
        name: str(r.name),
        surname: str(r.surname),
        roleId: int(r.role_id),
        cardUid: optStr(r.card_UUID),
        disabled: bool(r.disabled),
        deleted: bool(r.deleted),
        email: optStr(r.email),
      })),
      machineTypes: read("machine_types", ["type_id", "type_name", "type_timeout_min", "grace_period_min", "access_management"]).map((r) => ({
        id: int(r.type_id),
        name: str(r.type_name),
        timeoutMinutes: int(r.type_timeout_min),
        graceMinutes: r.grace_period_min == null ? null : int(r.grace_period_min),
        noAuthorizationNeeded: Number(r.access_management) === 1,
      })),
      machines: read("machines", ["machine_id", "machine_name", "machine_type_id", "machine_hours", "blocked", "last_seen"]).map((r) => ({
        id: int(r.machine_id),
        name: str(r.machine_name),
        typeId: r.machine_type_id == null ? null : int(r.machine_type_id),
        hours: num(r.machine_hours),
        blocked: bool(r.blocked),
        lastSeen: optNum(r.last_seen),
      })),
      authorizations: read("authorizations", ["authorization_id", "user_id", "machine_id"]).map((r) => ({
        id: int(r.authorization_id),
        userId: int(r.user_id),
        machineId: int(r.machine_id),
      })),
      maintenances: read("maintenances", ["maintenance_id", "hours_between", "description", "machine_id", "lcd_message", "instructions_url"]).map((r) => ({
        id: int(r.maintenance_id),
        hoursBetween: num(r.hours_between),
        description: str(r.description),
        machineId: int(r.machine_id),
        lcdMessage: optStr(r.lcd_message),
        instructionsUrl: optStr(r.instructions_url),
      })),
      interventions: read("interventions", ["intervention_id", "maintenance_id", "machine_id", "user_id", "timestamp", "replay"]).map((r) => ({
        id: int(r.intervention_id),
        maintenanceId: int(r.maintenance_id),
        machineId: int(r.machine_id),
        userId: int(r.user_id),
        at: num(r.timestamp),
        replay: bool(r.replay),
      })),
      uses: read("uses", ["use_id", "user_id", "machine_id", "start_timestamp", "last_seen", "end_timestamp", "replay"]).map((r) => ({
        id: int(r.use_id),
        userId: int(r.user_id),
        machineId: int(r.machine_id),
        start: num(r.start_timestamp),
        lastSeen: num(r.last_seen ?? r.start_timestamp),
        end: optNum(r.end_timestamp),
        replay: bool(r.replay),
      })),
      boards: read("boards", ["board_id", "machine_id", "ip_address", "fw_version", "last_seen", "serial", "heap"]).map((r) => ({
        id: int(r.board_id),
        machineId: int(r.machine_id),
        ip: str(r.ip_address),
        firmware: str(r.fw_version),
        lastSeen: num(r.last_seen),
        serial: optStr(r.serial),
        heap: r.heap == null ? null : int(r.heap),
      })),
      unknownCards: read("unknown_cards", ["id", "card_UUID", "timestamp", "machine_id"]).map((r) => ({
        id: int(r.id),
        uid: str(r.card_UUID),
        at: num(r.timestamp),
        machineId: int(r.machine_id),
      })),
    };
  } catch (error) {
    if (error instanceof FabSourceError) throw error;
    throw new FabSourceError("not_sqlite", `The file cannot be read as a SQLite database: ${(error as Error).message}`);
  } finally {
    db.close();
  }
}

function columnsOf(db: Database): Map<string, Set<string>> {
  const tables = db.exec("select name from sqlite_master where type = 'table'")[0]?.values.map((v) => String(v[0])) ?? [];
  return new Map(tables.map((t) => [t, new Set((db.exec(`pragma table_info("${t.replaceAll('"', '""')}")`)[0]?.values ?? []).map((v) => String(v[1])))]));
}

/** Selects the wanted columns that exist (a missing optional column reads as null); a missing table reads as empty. */
function reader(db: Database, columns: Map<string, Set<string>>) {
  return (table: string, wanted: string[]): Record<string, SqlValue>[] => {
    const have = columns.get(table);
    if (!have) return [];
    const present = wanted.filter((c) => have.has(c));
    const statement = db.prepare(`select ${present.map((c) => `"${c}"`).join(", ")} from "${table}" order by 1`);
    const rows: Record<string, SqlValue>[] = [];
    try {
      while (statement.step()) rows.push(statement.getAsObject());
    } finally {
      statement.free();
    }
    return rows;
  };
}

const num = (v: SqlValue | undefined): number => (typeof v === "number" ? v : Number(v ?? 0) || 0);
const optNum = (v: SqlValue | undefined): number | null => (v == null || v === "" ? null : num(v));
const int = (v: SqlValue | undefined): number => Math.trunc(num(v));
const str = (v: SqlValue | undefined): string => (v == null ? "" : typeof v === "string" ? v : String(v));
const optStr = (v: SqlValue | undefined): string | null => (v == null || str(v).trim() === "" ? null : str(v).trim());
const bool = (v: SqlValue | undefined): boolean => v === 1 || v === "1" || v === "true" || v === "True";
