import net from "node:net";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "@/lib/testing/wait-for";
import { EmbeddedWireServer, type HoldReport } from "./wire-server";

// The embedded wire server with real postgres.js clients: one PGlite session shared by many connections.
let pg: PGlite;
let server: EmbeddedWireServer;
let url: string;
const holds: HoldReport[] = [];
const clients: postgres.Sql[] = [];

beforeAll(async () => {
  pg = await PGlite.create();
  server = new EmbeddedWireServer({ db: pg, idleInTransactionTimeoutMs: 60_000, onHold: (h) => holds.push(h) });
  url = `postgres://postgres@127.0.0.1:${await server.start()}/postgres`;
  await pg.exec("create table items (id int primary key, note text)");
}, 60_000);
afterAll(async () => {
  await Promise.all(clients.map((c) => c.end({ timeout: 1 })));
  await server.stop();
  await pg.close();
});

const connect = (options: postgres.Options<Record<string, postgres.PostgresType>> = {}) => {
  const sql = postgres(url, { max: 1, onnotice: () => {}, prepare: false, ...options });
  clients.push(sql);
  return sql;
};
const until = (condition: () => boolean | Promise<boolean>) => waitFor("the session's state", condition);

describe("a statement given up on (CancelRequest)", () => {
  it("is dropped while it waits for the session and its client is answered 57014; the holder goes on", async () => {
    const holder = await connect().reserve();
    const waiting = connect();
    await waiting`select 1`;
    const other = connect();
    await other`select 1`;
    await holder`begin`;
    await holder`insert into items values (1, 'holder')`;
    const queued = server.waitingBatches;
    // Simple (no parameters) and parameterized (Parse/Describe/Flush first) statements of two clients.
    const plain = waiting`select 'ran' as note`;
    const withParams = other`insert into items values (${2}, ${"cancelled"})`;
    const settled = [plain, withParams].map((q) =>
      q.then(
        () => "ran",
        (e: { code?: string }) => e.code,
      ),
    );
    await until(() => server.waitingBatches >= queued + 2);
    await plain.cancel();
    await withParams.cancel();
    expect(await Promise.all(settled)).toEqual(["57014", "57014"]);
    // The holder's transaction was never touched and commits; both cancelled clients are usable again.
    await holder`commit`;
    holder.release();
    expect((await waiting`select count(*)::int as n from items`)[0]!.n).toBe(1);
    expect((await other`select note from items where id = ${1}`)[0]!.note).toBe("holder");
  });
});

describe("a new connection while another client holds the session", () => {
  it("connects at once (startup answered: parameters, its own key, ready); only its queries wait for the session", async () => {
    const holder = await connect().reserve();
    await holder`begin`;
    await holder`insert into items values (3, 'held')`;
    // A client as bare as a health check, speaking the protocol itself. Before, its startup waited behind the
    // holder: the startup answer never came while the holder held the session.
    const client = await rawClient(Number(new URL(url).port));
    try {
      client.send(startupMessage({ user: "postgres", database: "postgres", application_name: "late" }));
      await until(() => client.types().includes("Z"));
      expect(client.types()).toEqual(["R", ...client.types().filter((t) => t === "S"), "K", "Z"]);
      expect(client.types().filter((t) => t === "S").length).toBeGreaterThan(0);
      const queued = server.waitingBatches;
      client.send(simpleQuery("select count(*) from items where id = 3"));
      await until(() => server.waitingBatches > queued);
      expect(client.types().filter((t) => t === "D")).toEqual([]); // its query waits for the session …
      await holder`commit`;
      holder.release();
      await until(() => client.types().filter((t) => t === "Z").length === 2);
      expect(client.rows()).toEqual(["1"]); // … and runs after the holder's commit
    } finally {
      client.close();
    }
  });
});

/** A wire-protocol client that records the type of each message it receives (and the first column of data rows). */
async function rawClient(port: number) {
  const socket = net.connect(port, "127.0.0.1");
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
  let buffer = Buffer.alloc(0);
  const types: string[] = [];
  const rows: string[] = [];
  socket.on("data", (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    while (buffer.length >= 5 && buffer.length >= 1 + buffer.readInt32BE(1)) {
      const length = 1 + buffer.readInt32BE(1);
      const type = String.fromCharCode(buffer[0]!);
      types.push(type);
      if (type === "D") rows.push(buffer.toString("utf8", 11, 11 + buffer.readInt32BE(7)));
      buffer = buffer.subarray(length);
    }
  });
  return { send: (message: Buffer) => socket.write(message), types: () => [...types], rows: () => [...rows], close: () => socket.destroy() };
}

function startupMessage(parameters: Record<string, string>): Buffer {
  const body = Buffer.concat([Buffer.from([0, 3, 0, 0]), Buffer.from(`${Object.entries(parameters).flat().join("\0")}\0\0`)]);
  const length = Buffer.alloc(4);
  length.writeInt32BE(body.length + 4);
  return Buffer.concat([length, body]);
}

function simpleQuery(text: string): Buffer {
  const body = Buffer.from(`${text}\0`);
  const header = Buffer.alloc(5);
  header.write("Q", 0);
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

describe("who holds the session", () => {
  it("reports each hold: a transaction's batches and the time the session waited on its client", async () => {
    const sql = connect({ connection: { application_name: "hold-report" } });
    const tx = await sql.reserve();
    await tx`begin`;
    await tx`select 1`;
    await new Promise((r) => setTimeout(r, 20)); // the client thinking between statements, holding the session
    await tx`commit`;
    tx.release();
    await until(() => holds.some((h) => h.application === "hold-report" && h.statements[0] === "begin"));
    const hold = holds.find((h) => h.application === "hold-report" && h.statements[0] === "begin")!;
    expect(hold).toMatchObject({ batches: 3, roundTrips: 3, statements: ["begin", "select 1", "commit"], end: "released" });
    expect(hold.waitedOnClientMs).toBeGreaterThan(0);
    expect(hold.waitedOnClientMs).toBeLessThanOrEqual(hold.ms);
  });

  it("counts statements sent together (pipelined) as one round trip: prepared ones are sent without waiting", async () => {
    const sql = postgres(url, { max: 1, onnotice: () => {}, prepare: true, connection: { application_name: "pipelined" } });
    const read = (tx: postgres.TransactionSql, id: number) => tx`select note from items where id = ${id}`;
    await sql.begin((tx) => read(tx, 1)); // prepared once: unprepared, postgres.js waits for its parameter types
    const from = holds.length;
    await sql.begin((tx) => Promise.all([read(tx, 1), read(tx, 2), read(tx, 3)]));
    await until(() => holds.slice(from).some((h) => h.application === "pipelined"));
    // begin, the three reads in one round trip, commit.
    expect(holds.slice(from).find((h) => h.application === "pipelined")).toMatchObject({ batches: 5, roundTrips: 3 });
    await sql.end(); // its statements closed (the next test sees the session's)
  });

  it("lists a prepared statement sent again (a Bind alone) with its text, from the Parse of an earlier hold", async () => {
    const sql = postgres(url, { max: 1, onnotice: () => {}, prepare: true, connection: { application_name: "bound-again" } });
    await sql`select note from items where id = ${1}`; // parsed (named) in this hold
    const from = holds.length;
    await sql`select note from items where id = ${2}`; // only bound and executed
    await until(() => holds.slice(from).some((h) => h.application === "bound-again"));
    expect(holds.slice(from).find((h) => h.application === "bound-again")).toMatchObject({
      roundTrips: 1,
      statements: ["select note from items where id = $1"],
    });
    await sql.end();
  });

  it("closes a client's named prepared statements when it disconnects (they live in the one session)", async () => {
    const prepared = postgres(url, { max: 1, onnotice: () => {}, prepare: true });
    await prepared`select ${1}::int as one`;
    const watcher = connect();
    const names = async () => (await watcher`select name from pg_prepared_statements`).map((r) => r.name as string);
    expect((await names()).length).toBeGreaterThan(0);
    await prepared.end();
    await until(async () => (await names()).length === 0);
    expect(await names()).toEqual([]);
  });
});

describe("a client idle inside its transaction", () => {
  it("is terminated with 25P03 after the timeout and its transaction rolled back; the others go on", { timeout: 120_000 }, async () => {
    const pgIdle = await PGlite.create();
    const idleServer = new EmbeddedWireServer({ db: pgIdle, idleInTransactionTimeoutMs: 200 });
    const idleUrl = `postgres://postgres@127.0.0.1:${await idleServer.start()}/postgres`;
    const a = postgres(idleUrl, { max: 1, onnotice: () => {} });
    const b = postgres(idleUrl, { max: 1, onnotice: () => {} });
    try {
      await a`create table t (n int)`;
      const tx = await a.reserve();
      await tx`begin`;
      await tx`insert into t values (1)`;
      // b waits for the session behind a's open transaction, and gets it once a is cut off.
      expect((await b`select count(*)::int as n from t`)[0]!.n).toBe(0);
      // … and a's work is gone for good (rolled back), not left for its next statement to commit.
      expect((await b`select count(*)::int as n from t`)[0]!.n).toBe(0);
    } finally {
      await Promise.all([a.end({ timeout: 1 }), b.end({ timeout: 1 })]);
      await idleServer.stop();
      await pgIdle.close();
    }
  });
});
