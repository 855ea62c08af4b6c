import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { equipmentTypes, profiles } from "@/lib/db/schema";
import { calendarItems } from "@/lib/domain/calendar/calendar-queries";
import { bookMachine } from "@/lib/domain/calendar/machine-bookings";
import { saveEvent } from "@/lib/domain/calendar/save-event";
import { createCalendarFixture, type CalendarFixture } from "@/lib/domain/calendar/testing/calendar-fixture";
import { saveTimeZone } from "@/lib/domain/settings/testing/save-settings";
import { scheduleSession } from "@/lib/domain/training/session-service";
import { sessionWhen } from "@/lib/domain/training/training-mail";
import { translator } from "@/lib/i18n/translate";
import { formatRange, formatTime, parseLocalDateTime } from "@/lib/time";
import { eventInputFrom } from "./event-form-data";

// The web process's environment says Europe/Vienna; the admin saved America/New_York (six hours behind in January).
// What the forms say is 10:00 must be stored as 10:00 New York time (15:00Z) and listed at 10:00.
const ENV_ZONE = "Europe/Vienna";
const SAVED_ZONE = "America/New_York";
const now = new Date("2027-01-01T00:00:00Z");
let f: CalendarFixture;

// getSpace waits for the session's person (Auth.js needs a request): nobody is signed in here.
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: async () => null }));
let spaceZone: () => Promise<string>;

beforeAll(async () => {
  f = await createCalendarFixture();
  await saveTimeZone(f.t.db, SAVED_ZONE);
  // The web side as the server actions use it (getSpace over getDb), on this database with the environment's zone.
  vi.stubEnv("DATABASE_URL", f.t.url);
  vi.stubEnv("SPACE_TIME_ZONE", ENV_ZONE);
  vi.resetModules();
  const { getSpace } = await import("./space");
  spaceZone = async () => (await getSpace()).timeZone;
});
afterAll(async () => {
  await (globalThis as { __makerspaceWebDb?: { close(): Promise<void> } }).__makerspaceWebDb?.close();
  vi.unstubAllEnvs();
  await f.t.close();
});

async function listedAt(kind: string, day: string): Promise<{ time: string; iso: string }> {
  const zone = await spaceZone();
  const from = parseLocalDateTime(`${day}T00:00`, zone)!;
  const items = await calendarItems(f.t.db, { from, to: new Date(from.getTime() + 86_400_000), includeMembersOnly: true });
  const item = items.find((i) => i.kind === kind)!;
  return { time: formatTime(item.startsAt, "en", zone), iso: item.startsAt.toISOString() };
}

describe("the space's saved time zone, not the environment's", () => {
  it("is the zone the web side reads", async () => {
    expect(process.env.SPACE_TIME_ZONE).toBe(ENV_ZONE);
    expect(await spaceZone()).toBe(SAVED_ZONE);
  });

  it("stores and lists a booking made for 10:00 at 10:00", async () => {
    const zone = await spaceZone();
    const startsAt = parseLocalDateTime("2027-01-12T10:00", zone)!;
    const endsAt = parseLocalDateTime("2027-01-12T11:00", zone)!;
    expect(startsAt.toISOString()).toBe("2027-01-12T15:00:00.000Z");
    expect(await bookMachine(f.t.db, f.member, { machineId: f.laser, startsAt, endsAt }, now)).toMatchObject({ ok: true });
    expect(await listedAt("booking", "2027-01-12")).toEqual({ time: "10:00", iso: "2027-01-12T15:00:00.000Z" });
    expect(formatRange(startsAt, endsAt, "en", zone)).toBe("12 Jan 2027, 10:00–11:00");
  });

  it("stores and lists an event made for 10:00 (in the zone the new-event form proposes) at 10:00", async () => {
    const read = eventInputFrom({ title: "Repair café", startsAt: "2027-01-13T10:00", endsAt: "2027-01-13T12:00", timeZone: await spaceZone() }, null);
    if (!("input" in read)) throw new Error(`unreadable ${read.badField}`);
    expect(await saveEvent(f.t.db, f.admin, read.input)).toMatchObject({ ok: true });
    expect(await listedAt("event", "2027-01-13")).toEqual({ time: "10:00", iso: "2027-01-13T15:00:00.000Z" });
  });

  it("stores and lists a training session made for 10:00 at 10:00, and mails it as 10:00", async () => {
    const zone = await spaceZone();
    const [trainer] = await f.t.db.select().from(profiles).where(eq(profiles.email, "trainer@makerspace.local"));
    const [laser] = await f.t.db
      .select()
      .from(equipmentTypes)
      .where(and(eq(equipmentTypes.name, "Laser cutter")));
    const startsAt = parseLocalDateTime("2027-01-14T10:00", zone)!;
    const endsAt = parseLocalDateTime("2027-01-14T12:00", zone)!;
    const input = { equipmentTypeId: laser!.id, level: "user" as const, startsAt, endsAt, capacity: 2 };
    expect(await scheduleSession(f.t.db, trainer!.personId, input, now)).toMatchObject({ ok: true });
    expect(await listedAt("training", "2027-01-14")).toEqual({ time: "10:00", iso: "2027-01-14T15:00:00.000Z" });
    const recipient = { email: "maria@makerspace.local", t: translator("en"), locale: "en" as const, firstName: "Maria" };
    expect(sessionWhen(startsAt, recipient, zone)).toBe("14 Jan 2027, 10:00");
  });
});
