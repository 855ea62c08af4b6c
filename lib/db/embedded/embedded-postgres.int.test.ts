import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMBEDDED_SETTINGS, startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres";

// The embedded database's wire server answers only clients that know the password generated at its start.
let embedded: EmbeddedPostgres;
beforeAll(async () => {
  embedded = await startEmbeddedPostgres();
}, 60_000);
afterAll(() => embedded?.stop());

const query = async (url: string) => {
  // No connect_timeout of its own: 5 s was a timed assertion (on a loaded machine a refusal could come later and
  // fail as CONNECT_TIMEOUT instead of 28P01); the test's timeout bounds a server that never answers.
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return (await sql`select 1 as one`)[0]!.one as number;
  } finally {
    await sql.end({ timeout: 1 });
  }
};
const withPassword = (password: string | null) => {
  const url = new URL(embedded.url);
  url.password = password ?? "";
  return url.toString();
};

describe("the embedded database's wire server", () => {
  it("listens on 127.0.0.1 only, with a generated password in its URL", () => {
    const url = new URL(embedded.url);
    expect(url.hostname).toBe("127.0.0.1");
    expect(url.password.length).toBeGreaterThanOrEqual(24);
  });

  it("serves a client with the password", async () => {
    expect(await query(embedded.url)).toBe(1);
  });

  it("refuses a client without the password, or with a wrong one, before any query runs", async () => {
    await expect(query(withPassword(null))).rejects.toMatchObject({ code: "28P01" });
    await expect(query(withPassword("wrong"))).rejects.toMatchObject({ code: "28P01" });
    // … and still serves the right one afterwards (a refusal leaves no state behind).
    expect(await query(embedded.url)).toBe(1);
  });

  it("runs with the small-box settings (shared_buffers, max_connections, maintenance_work_mem)", async () => {
    const sql = postgres(embedded.url, { max: 1, onnotice: () => {} });
    try {
      for (const [name, value] of Object.entries(EMBEDDED_SETTINGS)) expect((await sql.unsafe(`show ${name}`))[0]![name]).toBe(value);
    } finally {
      await sql.end({ timeout: 1 });
    }
  });

  // A second database started: as heavy as beforeAll's (initdb in WASM, seconds quiet, tens of seconds at load 20),
  // so the same 60 s bound as that hook rather than the 30 s of a test that only talks to one.
  it("gives every start its own password", { timeout: 60_000 }, async () => {
    const other = await startEmbeddedPostgres();
    try {
      expect(new URL(other.url).password).not.toBe(new URL(embedded.url).password);
    } finally {
      await other.stop();
    }
  });
});
