import { describe, expect, it } from "vitest";
import { feedBytes } from "./feed-response";
import { clearRenderedFeeds, FEED_BYTES_BUDGET, ITEM_BYTES_BUDGET, renderCacheBytes } from "./feed-render-cache";
import { buildFeed, renderFeed, type FeedEvent } from "./ical-feed";

/** 1,000 events with long texts (~1.2 KB each), distinct per feed so no item is shared. */
function events(feed: number): FeedEvent[] {
  const base = Date.UTC(2026, 9, 1, 17);
  return Array.from({ length: 1000 }, (_, i) => ({
    id: feed * 10_000 + i,
    slug: `event-${feed}-${i}`,
    title: `Event ${i} of feed ${feed}`,
    description: `Zeile ${i}: ${"Löten, Fräsen; Lasern – ".repeat(40)}`,
    location: "Werkstatt",
    startsAt: new Date(base + i * 3_600_000),
    endsAt: new Date(base + i * 3_600_000 + 7_200_000),
    timeZone: "Europe/Vienna",
    allDay: false,
    recurrenceFreq: null,
    recurrenceInterval: 1,
    recurrenceUntil: null,
    recurrenceCount: null,
    recurrenceWeekdays: [],
    exceptionDates: [],
    cancelledAt: null,
    createdAt: new Date(base),
    updatedAt: new Date(base + i),
  }));
}

describe("the feeds' render caches", () => {
  it("hold no more bytes than their budgets after many large feeds in every format (not a count of feeds or items)", { timeout: 120_000 }, () => {
    clearRenderedFeeds();
    let served = 0;
    for (let feed = 0; feed < 12; feed++) {
      const made = buildFeed({ name: `Feed ${feed}`, host: "h.test", baseUrl: "https://h.test", events: events(feed) });
      for (const format of ["ics", "json", "xml"] as const) served += feedBytes(made, format).byteLength;
      const held = renderCacheBytes();
      expect(held.feeds).toBeLessThanOrEqual(FEED_BYTES_BUDGET);
      expect(held.items).toBeLessThanOrEqual(ITEM_BYTES_BUDGET);
    }
    // What was served is far beyond both budgets, and the caches are full to near their budgets.
    expect(served).toBeGreaterThan(3 * FEED_BYTES_BUDGET);
    expect(renderCacheBytes().feeds).toBeGreaterThan(FEED_BYTES_BUDGET / 2);
    expect(renderCacheBytes().items).toBeGreaterThan(ITEM_BYTES_BUDGET / 2);
  });

  it("write an event again when any field it is written from changed (the same id, another row), and not when none did", () => {
    clearRenderedFeeds();
    const base: FeedEvent = { ...events(7)[0]!, recurrenceFreq: "weekly", recurrenceWeekdays: [1], exceptionDates: ["2026-10-12"] };
    const changed: Partial<FeedEvent>[] = [
      { slug: "other" },
      { title: "Other" },
      { description: "Other" },
      { location: "Other" },
      { startsAt: new Date(base.startsAt.getTime() + 60_000) },
      { endsAt: new Date(base.endsAt.getTime() + 60_000) },
      { timeZone: "Europe/Rome" },
      { allDay: true },
      { recurrenceFreq: "monthly" },
      { recurrenceInterval: 2 },
      { recurrenceUntil: new Date(Date.UTC(2027, 0, 1)) },
      { recurrenceCount: 3 },
      { recurrenceWeekdays: [1, 2] },
      { exceptionDates: ["2026-10-19"] },
      { cancelledAt: new Date(Date.UTC(2026, 9, 1)) },
      { createdAt: new Date(base.createdAt.getTime() + 1000) },
      { updatedAt: new Date(base.updatedAt.getTime() + 1000) },
    ];
    // renderFeed: the items as kept (a built feed's bytes are kept by its ETag, which names the event's id and update time alone).
    const text = (e: FeedEvent) => renderFeed({ name: "F", host: "h.test", baseUrl: "https://h.test", events: [e] });
    const first = text(base);
    expect(text({ ...base })).toBe(first);
    for (const change of changed) {
      const other = text({ ...base, ...change });
      expect(other, JSON.stringify(change)).not.toBe(first);
      clearRenderedFeeds();
      expect(other, JSON.stringify(change)).toBe(text({ ...base, ...change }));
      expect(text({ ...base })).toBe(first);
    }
  });

  it("serve a feed's very bytes again after its bytes and items were dropped for others", () => {
    clearRenderedFeeds();
    const first = buildFeed({ name: "First", host: "h.test", events: events(100) });
    const text = first.bytes().toString("utf8");
    const json = feedBytes(first, "json").toString("utf8");
    // Enough others to push the first feed's bytes and items out by the budgets.
    for (let feed = 101; feed < 110; feed++) feedBytes(buildFeed({ name: "Other", host: "h.test", events: events(feed) }), "xml");
    const again = buildFeed({ name: "First", host: "h.test", events: events(100) });
    expect(again.bytes().toString("utf8")).toBe(text);
    expect(feedBytes(again, "json").toString("utf8")).toBe(json);
  });
});
