import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { Ajv2020 } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webhookBodySchema } from "@/lib/api/v1/webhook-docs";
import { machines, membershipStatuses, webhookEvents } from "@/lib/db/schema";
import { recordAudit } from "../audit/record-audit";
import { setMachineBlocked } from "../equipment/machine-service";
import { changeStatus, createPersonRecord } from "../people/person-service";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { closeSilentSessions } from "../usage/close-silent-sessions";
import { recordUsageHeartbeat, recordUsageStart, recordUsageStop } from "../usage/record-usage";
import { backoffSeconds, deliverDueWebhooks, MAX_ATTEMPTS } from "./deliver";
import type { WebhookEventType } from "./event-types";
import { verifySignature } from "./signature";
import { createWebhook, deleteWebhook, deliveryLog, redeliver } from "./subscriptions";

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

// Every delivery must match what the OpenAPI document's `webhooks` section promises for its type.
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const undocumented: string[] = [];
function checkDocumented(body: string) {
  const parsed = JSON.parse(body) as { type: WebhookEventType };
  const type = parsed.type;
  const validate = ajv.compile(webhookBodySchema(type));
  if (!validate(parsed)) undocumented.push(`${type}: ${ajv.errorsText(validate.errors)}`);
}

/** A real HTTP receiver on a free port; `answers` are the statuses it gives in turn (then 200), or "hang". */
async function receiver(answers: (number | "hang")[] = []) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      checkDocumented(body);
      const answer = answers.shift() ?? 200;
      if (answer === "hang") return;
      res.writeHead(answer, { "content-type": "text/plain" }).end(answer === 200 ? "thanks" : "receiver broke");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let f: DemoDatabase;
let status: Record<string, number>;
let laser: number;
beforeAll(async () => {
  f = await createDemoDatabase();
  status = Object.fromEntries((await f.db.select().from(membershipStatuses)).map((s) => [s.key, s.id]));
  laser = (await f.db.select().from(machines).where(eq(machines.boardId, 1)))[0]!.id;
});
afterAll(() => f?.close());

const at = (base: Date, seconds: number) => () => new Date(base.getTime() + seconds * 1000);

async function subscribe(url: string, events: string[]) {
  const hook = await createWebhook(f.db, f.ids.admin, { url, events });
  if (!hook.ok) throw new Error(hook.message);
  return hook;
}

describe("webhook deliveries", () => {
  it("are signed, retried after a 500 with backoff, in order, and sent once by competing workers", async () => {
    const r = await receiver([500]);
    const hook = await subscribe(r.url, ["person.created", "status.changed", "machine.blocked", "machine.unblocked"]);
    const created = await createPersonRecord(f.db, f.ids.admin, {
      statusId: status.applicant!,
      profile: { firstName: "Hedy", lastName: "Lamarr", email: "hedy@example.org" },
    });
    if (!created.ok) throw new Error(created.message);
    expect(await changeStatus(f.db, f.ids.admin, created.personId, { statusId: status.member!, reason: "Paid the fee" })).toMatchObject({ ok: true });
    expect(await setMachineBlocked(f.db, f.ids.admin, { machineId: laser, blocked: true, reason: "Lens cracked" })).toMatchObject({ ok: true });
    expect(await setMachineBlocked(f.db, f.ids.admin, { machineId: laser, blocked: false })).toMatchObject({ ok: true });

    const t0 = new Date();
    expect(await deliverDueWebhooks(f.db, { instanceId: "a", now: at(t0, 0) })).toEqual({ delivered: 0, retried: 1, failed: 0 });
    expect(r.received).toHaveLength(1); // the 500 holds the rest back: nothing overtakes it
    expect(await deliverDueWebhooks(f.db, { instanceId: "a", now: at(t0, backoffSeconds(1) - 1) })).toEqual({ delivered: 0, retried: 0, failed: 0 });

    // Two instances at once: each hook is leased by one of them, so every event arrives exactly once.
    const later = at(t0, backoffSeconds(1) + 1);
    const rounds = await Promise.all([deliverDueWebhooks(f.db, { instanceId: "a", now: later }), deliverDueWebhooks(f.db, { instanceId: "b", now: later })]);
    expect(rounds.reduce((n, x) => n + x.delivered, 0)).toBe(4);

    const bodies = r.received.map((x) => JSON.parse(x.body) as { id: string; type: string; data: Record<string, unknown> });
    expect(bodies.map((b) => b.type)).toEqual(["person.created", "person.created", "status.changed", "machine.blocked", "machine.unblocked"]);
    expect(bodies[0]!.id).toBe(bodies[1]!.id); // the retry is the same event
    expect(bodies[2]!.data).toEqual({ personId: created.personId, from: "applicant", to: "member" });
    expect(bodies[3]!.data).toEqual({ machineId: laser, reason: "Lens cracked" });
    expect(JSON.stringify(bodies)).not.toContain("hedy@example.org"); // thin payloads: no personal data
    for (const x of r.received) {
      expect(verifySignature(hook.secret, x.headers["x-makerspace-signature"] as string, x.body)).toBe(true);
      expect(verifySignature("whsec_wrong", x.headers["x-makerspace-signature"] as string, x.body)).toBe(false);
      expect(verifySignature(hook.secret, x.headers["x-makerspace-signature"] as string, x.body.replace("}", " }"))).toBe(false);
    }
    expect(
      verifySignature(hook.secret, r.received[0]!.headers["x-makerspace-signature"] as string, r.received[0]!.body, { now: new Date(Date.now() + 3_600_000) }),
    ).toBe(false);

    const log = await deliveryLog(f.db, hook.id);
    expect(log.map((l) => [l.type, l.d.status, l.d.attempts])).toEqual([
      ["machine.unblocked", "delivered", 1],
      ["machine.blocked", "delivered", 1],
      ["status.changed", "delivered", 1],
      ["person.created", "delivered", 2],
    ]);
    expect(log.at(-1)!.d).toMatchObject({ lastStatus: 200, lastError: null });
    await deleteWebhook(f.db, f.ids.admin, hook.id);
    await r.close();
  });

  it("are written in the change's transaction: a rolled-back change sends nothing, an unsubscribed type writes nothing", async () => {
    const r = await receiver();
    await subscribe(r.url, ["machine.blocked"]);
    const events = async () => (await f.db.select().from(webhookEvents)).length;
    const before = await events();
    await expect(
      f.db.transaction(async (tx) => {
        await recordAudit(tx, {
          actorId: f.ids.admin,
          changeType: "machine.block",
          entity: "machine",
          entityId: laser,
          after: { blocked: true, blockedReason: "x" },
        });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    await recordAudit(f.db, { actorId: f.ids.admin, changeType: "machine.unblock", entity: "machine", entityId: laser });
    expect(await events()).toBe(before);
    await r.close();
  });

  it("carry usage started and stopped from the broker's write path", async () => {
    const r = await receiver();
    const hook = await subscribe(r.url, ["usage.started", "usage.stopped"]);
    const start = new Date(Date.now() - 600_000);
    await recordUsageStart(f.db, { machineId: laser, uid: "efbeadde", replay: false, receivedAt: start });
    await recordUsageHeartbeat(f.db, { machineId: laser, uid: "efbeadde", replay: false, duration: 30, receivedAt: new Date(start.getTime() + 30_000) });
    await recordUsageStop(f.db, { machineId: laser, uid: "efbeadde", replay: false, duration: 60, receivedAt: new Date(start.getTime() + 60_000) });
    await deliverDueWebhooks(f.db, { instanceId: "a" });
    const bodies = r.received.map((x) => JSON.parse(x.body) as { type: string; data: Record<string, unknown> });
    expect(bodies.map((b) => b.type)).toEqual(["usage.started", "usage.stopped"]);
    expect(bodies[1]!.data).toMatchObject({ machineId: laser, personId: f.ids.member, durationSeconds: 60, recordedAs: "live" });
    expect(bodies[0]!.data.sessionId).toBe(bodies[1]!.data.sessionId);
    expect(bodies[1]!.data.flaggedReason).toBeNull();
    await deleteWebhook(f.db, f.ids.admin, hook.id);
    await r.close();
  });

  it("say so when a stopped session is flagged as implausible (a forged 10-hour stop a minute after the start)", async () => {
    const r = await receiver();
    const hook = await subscribe(r.url, ["usage.stopped"]);
    const start = new Date(Date.now() - 120_000);
    await recordUsageStart(f.db, { machineId: laser, uid: "efbeadde", replay: false, receivedAt: start });
    await recordUsageStop(f.db, { machineId: laser, uid: "efbeadde", replay: false, duration: 36_000, receivedAt: new Date(start.getTime() + 60_000) });
    await deliverDueWebhooks(f.db, { instanceId: "a" });
    const bodies = r.received.map((x) => JSON.parse(x.body) as { type: string; data: Record<string, unknown> });
    expect(bodies.map((b) => [b.type, b.data.flaggedReason])).toEqual([["usage.stopped", "longer_than_since_start"]]);
    await deleteWebhook(f.db, f.ids.admin, hook.id);
    await r.close();
  });

  it("carry usage.stopped for every way a session ends: the card's stop, another card's start, an hour of silence", async () => {
    const r = await receiver();
    const hook = await subscribe(r.url, ["usage.started", "usage.stopped"]);
    const machineId = (await f.db.select().from(machines).where(eq(machines.boardId, 3)))[0]!.id;
    const t0 = new Date(Date.now() - 3 * 3600_000);
    const after = (s: number) => new Date(t0.getTime() + s * 1000);
    await recordUsageStart(f.db, { machineId, uid: "efbeadde", replay: false, receivedAt: t0 });
    // Another card logs in over it: the first session is superseded.
    await recordUsageStart(f.db, { machineId, uid: "b0000002", replay: false, receivedAt: after(60) });
    // The board falls silent: the broker's sweep closes the session after an hour.
    expect(await closeSilentSessions(f.db, after(2 * 3600))).toBe(1);
    // The board was only offline: the same card goes on (a start again), then logs out.
    await recordUsageHeartbeat(f.db, { machineId, uid: "b0000002", replay: false, duration: 2 * 3600 - 60, receivedAt: after(2 * 3600) });
    await recordUsageStop(f.db, { machineId, uid: "b0000002", replay: false, duration: 2 * 3600 - 30, receivedAt: after(2 * 3600 + 30) });
    await deliverDueWebhooks(f.db, { instanceId: "a" });
    const bodies = r.received.map((x) => JSON.parse(x.body) as { type: string; data: Record<string, unknown> });
    expect(bodies.map((b) => [b.type, b.data.endedBecause])).toEqual([
      ["usage.started", null],
      ["usage.stopped", "superseded"],
      ["usage.started", null],
      ["usage.stopped", "stale"],
      ["usage.started", null],
      ["usage.stopped", "stop"],
    ]);
    const [first, second] = [bodies[0]!.data.sessionId, bodies[2]!.data.sessionId];
    expect(bodies.map((b) => b.data.sessionId)).toEqual([first, first, second, second, second, second]);
    // PostgreSQL writes a timestamp's milliseconds without trailing zeros (".6"): compared as instants.
    expect(bodies[3]!.data).toMatchObject({ durationSeconds: 0 });
    expect(new Date(bodies[3]!.data.endedAt as string).getTime()).toBe(after(60).getTime());
    expect(bodies[5]!.data).toMatchObject({ durationSeconds: 2 * 3600 - 30 });
    await deleteWebhook(f.db, f.ids.admin, hook.id);
    await r.close();
  });

  it("give up after the last attempt so the queue moves on; an admin can send again; a dead receiver delays only its hook", async () => {
    const broken = await receiver(Array(MAX_ATTEMPTS).fill(500));
    const hanging = await receiver(["hang", "hang"]);
    const good = await receiver();
    const a = await subscribe(broken.url, ["open_status.changed"]);
    const h = await subscribe(hanging.url, ["open_status.changed"]);
    await subscribe(good.url, ["open_status.changed"]);
    await recordAudit(f.db, { actorId: f.ids.admin, changeType: "space.open", entity: "open_status_changes", entityId: 1 });
    await recordAudit(f.db, { actorId: f.ids.admin, changeType: "space.close", entity: "open_status_changes", entityId: 2 });

    let clock = 0;
    // Long enough for a loaded machine's local answer (the good and the broken receiver must answer within it; at 300 ms
    // a busy CI run timed them out), short enough that the hanging receiver's two timeouts stay cheap.
    const timeoutMs = 2_000;
    const first = await deliverDueWebhooks(f.db, { instanceId: "a", now: at(new Date(), clock), timeoutMs });
    expect(first).toMatchObject({ delivered: 2, retried: 2 }); // the good hook got both; the broken and the hanging one wait
    expect(good.received.map((x) => JSON.parse(x.body).data)).toEqual([{ open: true }, { open: false }]);
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      clock += backoffSeconds(attempt) + 1;
      await deliverDueWebhooks(f.db, { instanceId: "a", now: at(new Date(), clock), timeoutMs });
    }
    const log = await deliveryLog(f.db, a.id);
    expect(log.map((l) => l.d.status)).toEqual(["delivered", "failed"]);
    expect(log[1]!.d).toMatchObject({ attempts: MAX_ATTEMPTS, lastStatus: 500, lastError: "HTTP 500: receiver broke" });
    expect(broken.received.map((x) => JSON.parse(x.body).data)).toEqual([...Array(MAX_ATTEMPTS).fill({ open: true }), { open: false }]);
    // The hanging receiver timed out twice (no status), then answered: both its deliveries arrived, in order.
    expect((await deliveryLog(f.db, h.id)).map((l) => [l.d.status, l.d.attempts])).toEqual([
      ["delivered", 1],
      ["delivered", 3],
    ]);

    expect(await redeliver(f.db, f.ids.admin, log[1]!.d.id)).toEqual({ ok: true });
    await deliverDueWebhooks(f.db, { instanceId: "a", now: at(new Date(), clock + 1) });
    expect((await deliveryLog(f.db, a.id))[0]!.d).toMatchObject({ status: "delivered" });
    expect(await redeliver(f.db, f.ids.member, log[1]!.d.id)).toMatchObject({ ok: false, code: "forbidden" });
    await Promise.all([broken.close(), hanging.close(), good.close()]);
  });

  it("refuse bad addresses and non-admins", async () => {
    expect(await createWebhook(f.db, f.ids.member, { url: "https://example.org/hook", events: ["person.created"] })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await createWebhook(f.db, f.ids.admin, { url: "ftp://example.org/hook", events: ["person.created"] })).toMatchObject({ ok: false, field: "url" });
    expect(await createWebhook(f.db, f.ids.admin, { url: "https://user:pw@example.org/hook", events: ["person.created"] })).toMatchObject({
      ok: false,
      field: "url",
    });
    expect(await createWebhook(f.db, f.ids.admin, { url: "https://example.org/hook", events: ["everything"] })).toMatchObject({ ok: false, field: "events" });
  });

  it("sent only bodies the OpenAPI document's webhooks section describes (checked on every delivery above)", () => {
    expect(undocumented).toEqual([]);
  });
});
