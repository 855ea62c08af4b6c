import { createServer, type AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";

describe("GET /api/health without a database", () => {
  it("answers 503 with database.ok false", async () => {
    // A port that was free a moment ago: nothing answers there.
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, "127.0.0.1", () => {
        const { port: p } = server.address() as AddressInfo;
        server.close(() => resolve(p));
      });
    });
    process.env.DATABASE_URL = `postgres://nobody@127.0.0.1:${port}/none`;
    process.env.LOG_LEVEL = "silent";
    const { GET } = await import("./route");
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: "error", database: { ok: false }, broker: { ok: false } });
  });
});
