import { FEED_CONTENT_TYPES, renderPartsAs, type FeedFormat } from "./feed-formats";
import type { Feed } from "./ical-feed";

const CONVERTED_CACHE = 32;

/** The .xml and .json twins of a feed as UTF-8, converted once per ETag (each part once: renderPartsAs). */
const converted = new Map<string, Buffer<ArrayBuffer>>();

/** For benchmarks measuring the cold path. */
export function clearConvertedFeeds(): void {
  converted.clear();
}

/** The bytes a format of the feed is sent as. */
export function feedBytes(feed: Feed, format: FeedFormat): Buffer<ArrayBuffer> {
  if (format === "ics") return feed.bytes();
  const key = `${feed.etag}:${format}`;
  let bytes = converted.get(key);
  if (bytes === undefined) {
    bytes = renderPartsAs(format, feed.parts());
    if (converted.size >= CONVERTED_CACHE) converted.delete(converted.keys().next().value!);
  } else converted.delete(key);
  converted.set(key, bytes);
  return bytes;
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
