import { FEED_CONTENT_TYPES, renderPartsAs, type FeedFormat } from "./feed-formats";
import { keptFeedBytes } from "./feed-render-cache";
import type { Feed } from "./ical-feed";

/** The bytes a format of the feed is sent as: the .xml and .json twins converted once per ETag (each part once). */
export function feedBytes(feed: Feed, format: FeedFormat): Buffer<ArrayBuffer> {
  if (format === "ics") return feed.bytes();
  return keptFeedBytes(`${feed.etag}:${format}`, () => renderPartsAs(format, feed.parts()));
}

/** Each representation has its own strong ETag (RFC 9110 section 8.8.3): equal tags mean equal bytes. */
function etagOf(feed: Feed, format: FeedFormat): string {
  return format === "ics" ? feed.etag : `${feed.etag.slice(0, -1)}-${format}"`;
}

/** 304 when the client's copy is current (If-None-Match wins over If-Modified-Since, as RFC 9110 says). */
export function feedResponse(request: Request, feed: Feed, format: FeedFormat = "ics"): Response {
  const etag = etagOf(feed, format);
  const headers = {
    "content-type": FEED_CONTENT_TYPES[format],
    etag,
    "last-modified": feed.lastModified.toUTCString(),
    "cache-control": "private, max-age=0, must-revalidate",
  };
  const inm = request.headers.get("if-none-match");
  const ims = request.headers.get("if-modified-since");
  const notModified = inm
    ? inm.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag || tag.trim() === "*")
    : ims !== null && !Number.isNaN(Date.parse(ims)) && feed.lastModified.getTime() <= Date.parse(ims);
  if (notModified) return new Response(null, { status: 304, headers });
  return new Response(request.method === "HEAD" ? null : feedBytes(feed, format), { status: 200, headers });
}
