import ICAL from "ical.js";

/**
 * The three representations of one feed: iCalendar (RFC 5545), xCal (RFC 6321) and jCal (RFC 7265). The .xml and
 * .json twins are converted from the generated iCalendar text, so all three carry the same events by construction.
 */
export type FeedFormat = "ics" | "xml" | "json";

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  ics: "text/calendar; charset=utf-8",
  xml: "application/calendar+xml; charset=utf-8",
  json: "application/calendar+json; charset=utf-8",
};

type JCalParams = Record<string, string | string[]>;
type JCalProperty = [string, JCalParams, string, ...unknown[]];
type JCalComponent = [string, JCalProperty[], JCalComponent[]];

/** ical.js parses iCalendar into jCal directly; one VCALENDAR gives one component. */
export function icsToJCal(ics: string): JCalComponent {
  const parsed = ICAL.parse(ics) as unknown as JCalComponent | JCalComponent[];
  return (typeof parsed[0] === "string" ? parsed : (parsed as JCalComponent[])[0]) as JCalComponent;
}

export function icsToJCalText(ics: string): string {
  return JSON.stringify(icsToJCal(ics));
}

export function icsToXCal(ics: string): string {
  return jcalToXCal(icsToJCal(ics));
}

export const XCAL_NAMESPACE = "urn:ietf:params:xml:ns:icalendar-2.0";

/** Text XML 1.0 cannot carry (control characters) becomes U+FFFD; a CR survives as a reference. */
function esc(value: unknown): string {
  return String(value)
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
    return (Array.isArray(v) ? v : [v]).map((one) => el(k, esc(one)));
  });
  return el("recur", parts.join(""));
}

function value(type: string, v: unknown): string {
  if (type === "recur") return recur(v as Record<string, unknown>);
  if (type === "period" && Array.isArray(v)) {
    const [start, end] = v as [string, string];
    return el("period", el("start", esc(start)) + (/^[+-]?P/.test(end) ? el("duration", esc(end)) : el("end", esc(end))));
  }
  return el(type, esc(v));
}

/** Structured values (RFC 6321 section 3.4.1.2) are written as their own elements, not as a typed value. */
function values(name: string, type: string, vals: unknown[]): string {
  if (name === "geo" && Array.isArray(vals[0])) {
    const [lat, lon] = vals[0] as [number, number];
    return el("latitude", esc(lat)) + el("longitude", esc(lon));
  }
  if (name === "request-status" && Array.isArray(vals[0])) {
    const [code, description, data] = vals[0] as string[];
    return el("code", esc(code)) + el("description", esc(description)) + (data !== undefined ? el("data", esc(data)) : "");
  }
  return vals.map((v) => value(type, v)).join("");
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
  const parts = Object.entries(p).map(([name, raw]) => {
    const type = PARAM_TYPES[name] ?? "text";
    const list = Array.isArray(raw) ? raw : [raw];
    return el(name, list.map((v) => el(type, esc(type === "boolean" ? String(v).toLowerCase() : v))).join(""));
  });
  return parts.length ? el("parameters", parts.join("")) : "";
}

function component([name, props, comps]: JCalComponent, isRoot: boolean): string {
  const properties = props.map(([pname, p, type, ...vals]) => el(pname, params(p) + values(pname, type, vals))).join("");
  const children = comps.map((c) => component(c, false)).join("");
  return el(name, el("properties", properties) + (children || isRoot ? el("components", children) : ""));
}

/** jCal → xCal (RFC 6321 section 3): one element per component, property, parameter and typed value. */
export function jcalToXCal(jcal: JCalComponent): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<icalendar xmlns="${XCAL_NAMESPACE}">${component(jcal, true)}</icalendar>\n`;
}

/** The representation a feed is served in. */
export function renderFeedAs(format: FeedFormat, ics: string): string {
  if (format === "xml") return icsToXCal(ics);
  if (format === "json") return icsToJCalText(ics);
  return ics;
}
