import ICAL from "ical.js";
import { ByteLru, stringBytes } from "@/lib/domain/shared/byte-lru";
import { itemGrew, type ItemText } from "./feed-render-cache";
import { unescapeText } from "./feed-items";

/**
 * The three representations of one feed: iCalendar (RFC 5545), xCal (RFC 6321) and jCal (RFC 7265). Each item's
 * .xml and .json come from the jCal it was written with (feed-items.ts), the head's from parsing its text, so all
 * three carry the same events; testing/feed-conversions.ts converts a whole text, the tests' measure for them.
 */
export type FeedFormat = "ics" | "xml" | "json";

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  ics: "text/calendar; charset=utf-8",
  xml: "application/calendar+xml; charset=utf-8",
  json: "application/calendar+json; charset=utf-8",
};

type JCalParams = Record<string, string | string[]>;
export type JCalProperty = [string, JCalParams, string, ...unknown[]];
export type JCalComponent = [string, JCalProperty[], JCalComponent[]];

/** The calendar's name (RFC 7986 NAME, and X-WR-CALNAME) is TEXT; ical.js does not know them and keeps them escaped. */
const NAME_PROPERTIES = new Set(["name", "x-wr-calname"]);

/** ical.js parses iCalendar into jCal directly; one VCALENDAR gives one component. */
export function icsToJCal(ics: string): JCalComponent {
  const parsed = ICAL.parse(ics) as unknown as JCalComponent | JCalComponent[];
  const calendar = (typeof parsed[0] === "string" ? parsed : (parsed as JCalComponent[])[0]) as JCalComponent;
  calendar[1] = calendar[1].map((p) => (NAME_PROPERTIES.has(p[0]) && p[2] === "unknown" ? [p[0], p[1], "text", unescapeText(String(p[3]))] : p));
  return calendar;
}

export const XCAL_NAMESPACE = "urn:ietf:params:xml:ns:icalendar-2.0";

/** Text XML 1.0 cannot carry (control characters) becomes U+FFFD; a CR survives as a reference. */
const NEEDS_ESCAPE = /[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
export function xmlEscape(value: unknown): string {
  const text = String(value);
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\r/g, "&#13;")
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "\uFFFD");
}

const el = (name: string, inner: string) => `<${name}>${inner}</${name}>`;

/** RFC 6321 orders the parts of a recurrence rule. */
const RECUR_ORDER = [
  "freq",
  "until",
  "count",
  "interval",
  "bysecond",
  "byminute",
  "byhour",
  "byday",
  "bymonthday",
  "byyearday",
  "byweekno",
  "bymonth",
  "bysetpos",
  "wkst",
];

function recur(value: Record<string, unknown>): string {
  const keys = [...RECUR_ORDER.filter((k) => k in value), ...Object.keys(value).filter((k) => !RECUR_ORDER.includes(k))];
  const parts = keys.flatMap((k) => {
    const v = value[k];
    return (Array.isArray(v) ? v : [v]).map((one) => el(k, xmlEscape(one)));
  });
  return el("recur", parts.join(""));
}

function value(type: string, v: unknown): string {
  if (type === "recur") return recur(v as Record<string, unknown>);
  if (type === "period" && Array.isArray(v)) {
    const [start, end] = v as [string, string];
    return el("period", el("start", xmlEscape(start)) + (/^[+-]?P/.test(end) ? el("duration", xmlEscape(end)) : el("end", xmlEscape(end))));
  }
  return el(type, xmlEscape(v));
}

/** Structured values (RFC 6321 section 3.4.1.2) are written as their own elements, not as a typed value. */
function values(name: string, type: string, vals: unknown[]): string {
  if (name === "geo" && Array.isArray(vals[0])) {
    const [lat, lon] = vals[0] as [number, number];
    return el("latitude", xmlEscape(lat)) + el("longitude", xmlEscape(lon));
  }
  if (name === "request-status" && Array.isArray(vals[0])) {
    const [code, description, data] = vals[0] as string[];
    return el("code", xmlEscape(code)) + el("description", xmlEscape(description)) + (data !== undefined ? el("data", xmlEscape(data)) : "");
  }
  let out = "";
  for (const v of vals) out += value(type, v);
  return out;
}

const PARAM_TYPES: Record<string, string> = {
  altrep: "uri",
  dir: "uri",
  "delegated-from": "cal-address",
  "delegated-to": "cal-address",
  member: "cal-address",
  "sent-by": "cal-address",
  rsvp: "boolean",
};

function params(p: JCalParams): string {
  let any = false;
  for (const _ in p) any = true;
  if (!any) return "";
  const parts = Object.entries(p).map(([name, raw]) => {
    const type = PARAM_TYPES[name] ?? "text";
    const list = Array.isArray(raw) ? raw : [raw];
    return el(name, list.map((v) => el(type, xmlEscape(type === "boolean" ? String(v).toLowerCase() : v))).join(""));
  });
  return parts.length ? el("parameters", parts.join("")) : "";
}

export function xcalProperties(props: JCalProperty[]): string {
  // Plain loops: this runs for every property of every item of a feed converted whole.
  let out = "";
  for (const prop of props) {
    const [pname, p, type] = prop;
    const inner =
      prop.length === 4 && type !== "recur" && type !== "period" && pname !== "geo" && pname !== "request-status"
        ? el(type, xmlEscape(prop[3]))
        : values(pname, type, prop.slice(3));
    out += `<${pname}>${params(p)}${inner}</${pname}>`;
  }
  return out;
}

export function xcalComponent([name, props, comps]: JCalComponent, isRoot: boolean): string {
  const children = comps.map((c) => xcalComponent(c, false)).join("");
  return el(name, el("properties", xcalProperties(props)) + (children || isRoot ? el("components", children) : ""));
}

/** jCal → xCal (RFC 6321 section 3): one element per component, property, parameter and typed value. */
export function jcalToXCal(jcal: JCalComponent): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<icalendar xmlns="${XCAL_NAMESPACE}">${xcalComponent(jcal, true)}</icalendar>\n`;
}

/**
 * The .xml or .json twin of a feed given in parts (ical-feed.ts renderParts: a head, each item's VEVENT text, the
 * end), as UTF-8: each part converted on its own and kept with it, so a feed made again after one event changed
 * converts that event alone. The same bytes as converting the whole text (feed-changes.int.test.ts): the parser
 * reads each component on its own, and both formats write a calendar's components one after another.
 */
export function renderPartsAs(format: "xml" | "json", parts: { head: string; items: readonly ItemText[] }): Buffer<ArrayBuffer> {
  const head = headTwin(parts.head);
  const [open, close, separator] =
    format === "json"
      ? [`["vcalendar",${JSON.stringify(head.properties)},[`, "]]", ","]
      : [
          `<?xml version="1.0" encoding="UTF-8"?>\n<icalendar xmlns="${XCAL_NAMESPACE}"><vcalendar>${el("properties", head.xcalProperties)}<components>`,
          "</components></vcalendar></icalendar>\n",
          "",
        ];
  // One string joined and encoded once: cheaper than a buffer per item, and a join after a change costs ~1 ms.
  let text = open;
  let first = true;
  for (const piece of head.components[format]) {
    text += first ? piece : separator + piece;
    first = false;
  }
  for (const item of parts.items) {
    const piece = itemTwin(item, format);
    text += first ? piece : separator + piece;
    first = false;
  }
  return Buffer.from(text + close);
}

/**
 * An item's twins, made once and kept with it (feed-render-cache.ts counts them): the .xml as written with the item
 * (feed-items.ts xcal), the .json from the jCal component it was written with, or else by parsing its VEVENT (folded lines ending in CRLF) in a calendar of its own.
 */
function itemTwin(item: ItemText, format: "json" | "xml"): string {
  const twins = (item.twins ??= {});
  let found = twins[format];
  if (!found) {
    if (format === "xml" && item.xcal) found = twins.xml = item.xcal();
    else {
      const component = (item.component ??= item.jcal ? item.jcal() : icsToJCal(`BEGIN:VCALENDAR\r\n${item.text}END:VCALENDAR`)[2][0]!);
      found = twins[format] = format === "json" ? JSON.stringify(component) : xcalComponent(component, false);
    }
    // Both made: the component and what made it are let go.
    if (twins.json && twins.xml) item.component = item.jcal = item.xcal = undefined;
    itemGrew(item);
  }
  return found;
}

function twinsOf(component: JCalComponent): { json: string; xml: string } {
  return { json: JSON.stringify(component), xml: xcalComponent(component, false) };
}

type HeadTwin = { properties: JCalProperty[]; xcalProperties: string; components: { json: string[]; xml: string[] } };
/** Heads' twins by text (a head is a few KB: its VTIMEZONE blocks); the few kept by their bytes. */
const headTwins = new ByteLru<string, HeadTwin>(
  1024 * 1024,
  (t) =>
    stringBytes(JSON.stringify(t.properties)) +
    stringBytes(t.xcalProperties) +
    [...t.components.json, ...t.components.xml].reduce((n, c) => n + stringBytes(c), 0),
);

/** The head (the calendar's properties and its VTIMEZONE blocks), parsed and converted once per text. */
function headTwin(head: string): HeadTwin {
  let twin = headTwins.get(head);
  if (!twin) {
    const jcal = icsToJCal(`${head}END:VCALENDAR`);
    const components = jcal[2].map(twinsOf);
    twin = {
      properties: jcal[1],
      xcalProperties: xcalProperties(jcal[1]),
      components: { json: components.map((c) => c.json), xml: components.map((c) => c.xml) },
    };
    headTwins.set(head, twin);
  }
  return twin;
}
