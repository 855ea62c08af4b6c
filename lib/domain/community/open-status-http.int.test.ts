import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { openSince } from "./open-status";
import { handleOpenStatusRequest } from "./open-status-http";
import { createSensorToken } from "./sensor-tokens";

let t: DemoDatabase;
let ids: Record<string, number>;
let token: string;

beforeAll(async () => {
  t = await createDemoDatabase();
  ids = t.ids;
  const created = await createSensorToken(t.db, ids.admin!, "front door");
  if (!created.ok) throw new Error(created.message);
  token = created.token;
});
afterAll(async () => {
  await t?.close();
});

const post = (body: string, auth?: string) =>
  handleOpenStatusRequest(
    t.db,
    new Request("http://localhost/api/open-status", {
      method: "POST",
      body,
      headers: { "content-type": "application/json", ...(auth ? { authorization: auth } : {}) },
    }),
  );

describe("POST /api/open-status", () => {
  it("answers 401 without or with a wrong token, and changes nothing", async () => {
    expect((await post('{"open":true}')).status).toBe(401);
    const wrong = await post('{"open":true}', "Bearer not-the-token");
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("www-authenticate")).toMatch(/Bearer/);
    expect((await post('{"open":true}', `Basic ${token}`)).status).toBe(401);
    expect(await openSince(t.db)).toBeNull();
  });

  it("a valid token opens and closes the space; bad bodies get a clear 400", async () => {
    const opened = await post('{"open":true,"message":"Door unlocked"}', `Bearer ${token}`);
    expect(opened.status).toBe(200);
    expect(await opened.json()).toMatchObject({ open: true, message: "Door unlocked" });
    expect(await openSince(t.db)).toMatchObject({ open: true, message: "Door unlocked" });
    const bad = await post("not json", `Bearer ${token}`);
    expect(bad.status).toBe(400);
    const missing = await post('{"message":"x"}', `Bearer ${token}`);
    expect(missing.status).toBe(400);
    expect((await missing.json()).error).toMatch(/open/);
    expect((await post('{"open":false}', `Bearer ${token}`)).status).toBe(200);
    expect(await openSince(t.db)).toMatchObject({ open: false });
  });
});
