import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { oneLineName } from "@/lib/domain/shared/one-line-name";
import { translator } from "@/lib/i18n/translate";
import { fieldErrorsOf } from "@/lib/web/field-errors";
import { feedResponse } from "./feed-response";
import { buildFeed, renderFeed, type FeedInput } from "./ical-feed";
import { oracleText } from "./testing/ical-generator-oracle";

/**
 * A feed's name comes from the space's and a room's name (found in review: it went into the head unescaped, so a
 * line break in a room's name added properties or events to its public feed, and the .json and .xml answered 500).
 */
const event = (id: number) =>
  ({
    id,
    slug: `e-${id}`,
    title: `Event ${id}`,
    description: "",
    location: "",
    startsAt: new Date(Date.UTC(2026, 9, id, 17)),
    endsAt: new Date(Date.UTC(2026, 9, id, 19)),
    timeZone: "Europe/Vienna",
    allDay: false,
    createdAt: new Date(Date.UTC(2026, 8, 1)),
    updatedAt: new Date(Date.UTC(2026, 8, 2)),
    cancelledAt: null,
    recurrenceFreq: null,
    recurrenceInterval: 1,
    recurrenceCount: null,
    recurrenceUntil: null,
    recurrenceWeekdays: [],
    exceptionDates: [],
  }) as unknown as FeedInput["events"][number];

const NAMES = [
  "Lab: Room, big; back\\side",
  "Lab: Room\r\nEND:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:injected@x\r\nSUMMARY:Injected\r\nEND:VEVENT",
  "Lab: Room\nno colon on this line",
];

describe("a feed's name", () => {
  it.each(NAMES)("is TEXT in the head and in the twins: %j", async (name) => {
    const input: FeedInput = { name, host: "h", events: [event(1), event(2)] };
    const text = renderFeed(input);
    expect(text).toBe(oracleText(input));
    const jcal = new ICAL.Component(ICAL.parse(text) as unknown[]);
    expect(jcal.getAllSubcomponents("vevent").map((v) => v.getFirstPropertyValue("uid"))).toEqual(["event-1@h", "event-2@h"]);
    expect(jcal.getFirstPropertyValue("x-wr-calname")).toContain(name.startsWith("Lab: Room,") ? "\\," : "\\n");
    const feed = buildFeed(input);
    const json = await feedResponse(new Request("http://h/c.json"), feed, "json");
    expect(json.status).toBe(200);
    const properties = (JSON.parse(await json.text()) as [string, [string, object, string, string][]])[1];
    expect(properties.filter((p) => p[0] === "name" || p[0] === "x-wr-calname")).toEqual([
      ["name", {}, "text", name.replace(/\r\n?/g, "\n")],
      ["x-wr-calname", {}, "text", name.replace(/\r\n?/g, "\n")],
    ]);
    const xml = await feedResponse(new Request("http://h/c.xml"), feed, "xml");
    expect(xml.status).toBe(200);
    expect((await xml.text()).match(/<vevent>/g)).toHaveLength(2);
  });

  it("drops control characters from TEXT values in all three formats (RFC 5545 section 3.3.11); a tab stays", async () => {
    const input: FeedInput = { name: "Lab\u0007", host: "h", events: [{ ...event(1), title: "Bell\u0007\u001b here\ttab", location: "Room\u007f 1" }] };
    const text = renderFeed(input);
    expect(text).toContain("SUMMARY:Bell here\ttab\r\n");
    expect(text).toContain("LOCATION:Room 1\r\n");
    expect(text).toContain("X-WR-CALNAME:Lab\r\n");
    expect(text).toBe(oracleText(input));
    const feed = buildFeed(input);
    const json = await (await feedResponse(new Request("http://h/c.json"), feed, "json")).text();
    expect(json).toContain('["summary",{},"text","Bell here\\ttab"]');
    const xml = await (await feedResponse(new Request("http://h/c.xml"), feed, "xml")).text();
    expect(xml).toContain("<summary><text>Bell here\ttab</text></summary>");
    expect(xml).not.toContain("\uFFFD");
  });

  it("is refused with control characters in a form, in words; a plain name passes", () => {
    const schema = oneLineName(120);
    expect(schema.parse("  Werkstatt: Raum 1  ")).toBe("Werkstatt: Raum 1");
    for (const bad of ["Room\r\nX-INJECTED:1", "Room\nA", "Room\u0007"]) {
      const parsed = schema.safeParse(bad);
      expect(parsed.success, JSON.stringify(bad)).toBe(false);
      const errors = fieldErrorsOf(
        parsed.error!.issues.map((i) => ({ ...i, path: ["name"] })),
        { name: bad },
        { name: "rooms.name" },
        translator("de"),
      );
      expect(errors.name).toBe(translator("de")("form.error.controlCharacters", { field: translator("de")("rooms.name") }));
      expect(errors.name).toMatch(/Zeilenumbrüche/);
    }
  });
});
