import { eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { auditLog, trainingSessions, trainingSignups } from "@/lib/db/schema";
import ICAL from "ical.js";
import { personalFeed } from "../calendar/personal-feed";
import { regenerateFeedToken } from "../calendar/feed-tokens";
import { editSession } from "./session-edit";
import { cancelSession, scheduleSession } from "./session-service";
import { signUp } from "./signup-service";
import { days, demoWorldWithInbox, hours } from "./testing/training-fixture";

const w = demoWorldWithInbox();
/** Members who hold no laser authorization yet (the demo member Mario already does). */
let p: [number, number, number];
beforeAll(async () => {
  p = [w.ids.maria, await w.newMember("Ada"), await w.newMember("Grace")];
});
afterEach(() => {
  w.inbox.mails.length = 0;
});

async function session(capacity = 2): Promise<{ id: number; startsAt: Date; endsAt: Date }> {
  const startsAt = days(3);
  const endsAt = hours(2, startsAt);
  const r = await scheduleSession(w.t.db, w.ids.trainer, {
    equipmentTypeId: w.types.laser,
    level: "user",
    startsAt,
    endsAt,
    room: "Workshop",
    capacity,
    notes: "Bring glasses",
  });
  if (!r.ok) throw new Error(r.message);
  return { id: r.id, startsAt, endsAt };
}
const edit = (s: { id: number; startsAt: Date; endsAt: Date }, over: Record<string, unknown> = {}, actor = w.ids.trainer) =>
  editSession(w.t.db, w.notifier, actor, {
    sessionId: s.id,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    room: "Workshop",
    capacity: 2,
    notes: "Bring glasses",
    ...over,
  });

describe("editing a scheduled training session", () => {
  it("moving it mails everyone holding or waiting for a seat, with old and new time; it is audited", async () => {
    const s = await session(1);
    await signUp(w.t.db, w.ids.maria, s.id);
    await signUp(w.t.db, p[1], s.id);
    const later = hours(24, s.startsAt);
    const r = await edit(s, { startsAt: later, endsAt: hours(2, later), room: "Laser corner", capacity: 1 });
    expect(r).toMatchObject({ ok: true, notified: 2, notMailed: 0, promoted: [] });
    const [row] = await w.t.db.select().from(trainingSessions).where(eq(trainingSessions.id, s.id));
    expect(row).toMatchObject({ startsAt: later, room: "Laser corner", capacity: 1 });
    expect(w.inbox.mails).toHaveLength(2);
    expect(w.inbox.mails.every((m) => m.text.includes("Laser corner") && m.text.includes("Workshop"))).toBe(true);
    const audit = await w.t.db.select().from(auditLog).where(eq(auditLog.changeType, "training_session.update"));
    expect(audit.find((a) => a.entityId === String(s.id))).toMatchObject({ actorId: w.ids.trainer });
  });

  it("changing only notes or seats mails nobody about a change", async () => {
    const s = await session();
    await signUp(w.t.db, w.ids.maria, s.id);
    expect(await edit(s, { notes: "Closed shoes, please", capacity: 3 })).toMatchObject({ ok: true, notified: 0 });
    expect(w.inbox.mails).toHaveLength(0);
  });

  it("refuses fewer seats than are taken, with the count; waitlisted people do not count", async () => {
    const s = await session(2);
    for (const person of p) await signUp(w.t.db, person, s.id);
    expect(await edit(s, { capacity: 1 })).toMatchObject({
      ok: false,
      code: "capacity_below_signed_up",
      seatsTaken: 2,
      message: expect.stringContaining("2 people"),
    });
    expect((await w.t.db.select().from(trainingSessions).where(eq(trainingSessions.id, s.id)))[0]!.capacity).toBe(2);
    expect(await edit(s, { capacity: 2, room: "Workshop" })).toMatchObject({ ok: true });
  });

  it("more seats move people up from the waitlist in order, and they are mailed", async () => {
    const s = await session(1);
    for (const person of p) await signUp(w.t.db, person, s.id);
    const r = await edit(s, { capacity: 2 });
    expect(r).toMatchObject({ ok: true, promoted: [p[1]] });
    const signups = await w.t.db.select().from(trainingSignups).where(eq(trainingSignups.sessionId, s.id));
    expect(
      signups
        .filter((x) => x.status === "signed_up")
        .map((x) => x.personId)
        .sort(),
    ).toEqual([p[0], p[1]].sort());
    expect(w.inbox.mails).toHaveLength(1);
  });

  it("only a trainer of the type may edit; cancelled sessions, a start in the past and end before start are refused", async () => {
    const s = await session();
    expect(await edit(s, {}, w.ids.member)).toMatchObject({ ok: false, code: "not_a_trainer" });
    expect(await edit(s, { startsAt: hours(-1), endsAt: hours(1) })).toMatchObject({ ok: false, code: "starts_in_past" });
    expect(await edit(s, { endsAt: hours(-1, s.startsAt) })).toMatchObject({ ok: false, code: "invalid" });
    expect(await edit({ ...s, id: 999_999 })).toMatchObject({ ok: false, code: "not_found" });
    await cancelSession(w.t.db, w.notifier, w.ids.trainer, s.id);
    expect(await edit(s, { room: "Elsewhere" })).toMatchObject({ ok: false, code: "session_cancelled" });
  });

  it("concurrent sign-ups and a capacity cut never leave more seats taken than the capacity", async () => {
    const s = await session(3);
    await signUp(w.t.db, w.ids.maria, s.id);
    const [cut] = await Promise.all([edit(s, { capacity: 1 }), signUp(w.t.db, p[1], s.id), signUp(w.t.db, p[2], s.id)]);
    const [row] = await w.t.db.select().from(trainingSessions).where(eq(trainingSessions.id, s.id));
    const taken = (await w.t.db.select().from(trainingSignups).where(eq(trainingSignups.sessionId, s.id))).filter((x) => x.status === "signed_up").length;
    expect(taken).toBeLessThanOrEqual(row!.capacity);
    if (cut.ok) expect(row!.capacity).toBe(1);
  });

  it("a moved session moves in the member's private feed, with a newer Last-Modified and a new ETag", async () => {
    const s = await session();
    await signUp(w.t.db, p[2], s.id);
    const token = await regenerateFeedToken(w.t.db, p[2]);
    const ctx = { host: "makerspace.test" };
    const before = (await personalFeed(w.t.db, token, ctx))!;
    const later = hours(48, s.startsAt);
    // Last-Modified has whole seconds: the edit must fall into a later second than the feed read before it.
    await vi.waitFor(() => expect(Math.floor(Date.now() / 1000)).toBeGreaterThan(Math.floor(before.lastModified.getTime() / 1000)), {
      timeout: 2_000,
      interval: 20,
    });
    expect(await edit(s, { startsAt: later, endsAt: hours(2, later) })).toMatchObject({ ok: true });
    const after = (await personalFeed(w.t.db, token, ctx))!;
    expect(after.etag).not.toBe(before.etag);
    expect(after.lastModified.getTime()).toBeGreaterThan(before.lastModified.getTime());
    const vevents = new ICAL.Component(ICAL.parse(after.body())).getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));
    const moved = vevents.find((e) => e.uid === `training-${s.id}@makerspace.test`)!;
    expect(moved.startDate.toJSDate().toISOString()).toBe(later.toISOString().replace(/\.\d{3}Z$/, ".000Z"));
  });
});
