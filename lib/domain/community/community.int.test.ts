import Ajv from "ajv";
import addFormats from "ajv-formats";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, machines, openStatusChanges } from "@/lib/db/schema";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { settingsFromEnv } from "../settings/space-settings";
import { loadDashboard } from "../machines/dashboard";
import { createNews, deleteNews, getNewsItem, listNews, updateNews } from "./news";
import { buildAtomFeed } from "./news-feed";
import { currentOpenStatus, openSince, setOpenStatus } from "./open-status";
import { authenticateSensor, createSensorToken, revokeSensorToken } from "./sensor-tokens";
import { buildSpaceApi } from "./spaceapi";
import schema from "./spaceapi-15.schema.json";

let t: DemoDatabase;
let ids: Record<string, number>;

beforeAll(async () => {
  t = await createDemoDatabase();
  ids = t.ids;
});
afterAll(async () => {
  await t?.close();
});

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);

describe("open status", () => {
  it("staff set it with a message, members may not; history and 'since' are kept", async () => {
    expect(await currentOpenStatus(t.db)).toBeNull();
    expect(await setOpenStatus(t.db, { personId: ids.member! }, { open: true })).toMatchObject({ ok: false, code: "forbidden" });
    const t0 = new Date("2026-01-01T10:00:00Z");
    await setOpenStatus(t.db, { personId: ids.admin! }, { open: true, message: "Open evening" }, t0);
    await setOpenStatus(t.db, { personId: ids.admin! }, { open: true, message: "still open" }, new Date(t0.getTime() + 60_000));
    expect(await openSince(t.db)).toEqual({ open: true, since: t0, message: "still open" });
    expect(await setOpenStatus(t.db, { personId: ids.admin! }, { open: false, message: "x".repeat(201) })).toMatchObject({ ok: false, code: "invalid" });
    expect((await t.db.select().from(auditLog).where(eq(auditLog.changeType, "space.open"))).length).toBe(2);
  });

  it("sensors authenticate with a token whose hash alone is stored; revoked tokens stop working", async () => {
    expect(await createSensorToken(t.db, ids.member!, "door")).toMatchObject({ ok: false, code: "forbidden" });
    const created = await createSensorToken(t.db, ids.admin!, "door");
    if (!created.ok) throw new Error(created.message);
    expect(await createSensorToken(t.db, ids.admin!, "door")).toMatchObject({ ok: false, code: "duplicate_name" });
    expect(await authenticateSensor(t.db, created.token)).toBe("door");
    expect(await authenticateSensor(t.db, "wrong")).toBeNull();
    await setOpenStatus(t.db, { sensorName: "door" }, { open: false });
    const [latest] = await t.db.select().from(openStatusChanges).where(eq(openStatusChanges.sensorName, "door"));
    expect(latest).toMatchObject({ open: false, changedById: null });
    await revokeSensorToken(t.db, ids.admin!, created.id);
    expect(await authenticateSensor(t.db, created.token)).toBeNull();
  });
});

describe("SpaceAPI", () => {
  it("validates against the official v15 schema, with and without optional data", async () => {
    const settings = {
      ...settingsFromEnv({ SPACE_NAME: "Test <Space>", SPACE_TIME_ZONE: "Europe/Vienna", DEFAULT_LANGUAGE: "en", MAIL_FROM: "a@b.c", SMTP_URL: undefined }),
    };
    const bare = buildSpaceApi({ settings, baseUrl: "http://localhost:3000", status: null, machines: null });
    expect(validate(bare), JSON.stringify(validate.errors)).toBe(true);

    const [m] = await t.db.select().from(machines).limit(1);
    await t.db.update(machines).set({ blocked: true }).where(eq(machines.id, m!.id));
    const dashboard = await loadDashboard(t.db);
    expect(dashboard.tiles.find((s) => s.id === m!.id)!.state).toBe("blocked");
    const full = buildSpaceApi({
      settings: { ...settings, address: "Hauptstraße 1, Wien", latitude: 48.2, longitude: 16.37, contactEmail: "hello@space.example", logoUrl: "/logo.png" },
      baseUrl: "https://space.example",
      status: { open: true, lastChange: new Date("2026-01-01T10:00:00Z"), message: "Open evening" },
      machines: dashboard.counts,
    });
    expect(validate(full), JSON.stringify(validate.errors)).toBe(true);
    expect(full).toMatchObject({ state: { open: true, lastchange: 1767261600 }, logo: "https://space.example/logo.png", location: { lat: 48.2 } });
    // A broken document is caught by the same validator (the test would notice a schema regression).
    expect(validate({ ...full, api_compatibility: ["14"] })).toBe(false);
  });
});

describe("news", () => {
  it("needs news.write, audits every change, and the Atom feed escapes everything", async () => {
    expect(await createNews(t.db, ids.member!, { title: "x", body: "y" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await createNews(t.db, ids.admin!, { title: " ", body: "y" })).toMatchObject({ ok: false, code: "invalid" });
    const r = await createNews(t.db, ids.admin!, { title: "<script>alert(1)</script> & more", body: 'Body ]]> "quoted" \u0001' });
    if (!r.ok) throw new Error(r.message);
    expect(await updateNews(t.db, ids.admin!, r.id, { title: "<b>Tools</b> & more", body: 'Body ]]> "quoted" \u0001' })).toMatchObject({ ok: true });
    const posts = await listNews(t.db, { personId: ids.member!, permissions: new Set(["directory.read"]) });
    expect(posts[0]).toMatchObject({ title: "<b>Tools</b> & more", authorName: "Ada Admin" });
    const xml = buildAtomFeed({ spaceName: "A & B", baseUrl: "https://x.example", posts });
    expect(xml).toContain("&lt;b&gt;Tools&lt;/b&gt; &amp; more");
    expect(xml).toContain("Body ]]&gt; &quot;quoted&quot; </content>");
    expect(xml).not.toMatch(/<b>|<script>|\u0001/);
    expect(await getNewsItem(t.db, { personId: ids.member!, permissions: new Set(["directory.read"]) }, r.id)).toMatchObject({
      id: r.id,
      authorName: "Ada Admin",
    });
    expect(await deleteNews(t.db, ids.admin!, r.id)).toMatchObject({ ok: true });
    expect(await getNewsItem(t.db, { personId: ids.member!, permissions: new Set(["directory.read"]) }, r.id)).toBeNull();
    const audit = await t.db.select({ c: auditLog.changeType }).from(auditLog).where(eq(auditLog.entity, "news_posts"));
    expect(audit.map((a) => a.c).sort()).toEqual(["news.create", "news.delete", "news.update"]);
  });
});
