import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { RelaxNGValidator, XmlDocument, XmlElement, type XmlTreeNode } from "libxml2-wasm";

/** For tests: validate xCal against the RFC 6321 grammar (libxml2's RELAX NG) and read it back into jCal. */
const schemaPath = fileURLToPath(new URL("./rfc6321.rng", import.meta.url));

let validator: RelaxNGValidator | undefined;

/** Throws with libxml2's messages (line and reason) when the document is not valid xCal. */
export function validateXCal(xml: string): void {
  validator ??= RelaxNGValidator.fromDoc(XmlDocument.fromString(readFileSync(schemaPath, "utf8")));
  const doc = XmlDocument.fromString(xml);
  try {
    validator.validate(doc);
  } catch (error) {
    const details = (error as { details?: { message: string; line: number }[] }).details ?? [];
    throw new Error(`invalid xCal: ${details.map((d) => `line ${d.line}: ${d.message.trim()}`).join("; ") || String(error)}`);
  } finally {
    doc.dispose();
  }
}

function elements(parent: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (let n: XmlTreeNode | null = parent.firstChild; n; n = n.next) if (n instanceof XmlElement) out.push(n);
  return out;
}

const child = (parent: XmlElement, name: string) => elements(parent).find((e) => e.name === name);
const NUMERIC_RECUR = new Set(["count", "interval", "bysecond", "byminute", "byhour", "bymonthday", "byyearday", "byweekno", "bymonth", "bysetpos"]);
const one = <T>(list: T[]) => (list.length === 1 ? list[0]! : list);

function typed(e: XmlElement): unknown {
  switch (e.name) {
    case "integer":
    case "float":
      return Number(e.content);
    case "boolean":
      return e.content === "true";
    case "recur": {
      const groups = new Map<string, unknown[]>();
      for (const part of elements(e))
        groups.set(part.name, [...(groups.get(part.name) ?? []), NUMERIC_RECUR.has(part.name) ? Number(part.content) : part.content]);
      return Object.fromEntries([...groups].map(([k, v]) => [k, one(v)]));
    }
    case "period": {
      const [start, end] = elements(e);
      return [start!.content, end!.content];
    }
    default:
      return e.content;
  }
}

function property(e: XmlElement): unknown[] {
  const parts = elements(e);
  const paramsEl = parts.find((p) => p.name === "parameters");
  const params = Object.fromEntries(
    (paramsEl ? elements(paramsEl) : []).map((p) => [p.name, one(elements(p).map((v) => (v.name === "boolean" ? v.content.toUpperCase() : v.content)))]),
  );
  const vals = parts.filter((p) => p !== paramsEl);
  if (e.name === "geo") return [e.name, params, "float", vals.map((v) => Number(v.content))];
  if (e.name === "request-status") return [e.name, params, "text", vals.map((v) => v.content)];
  return [e.name, params, vals[0]?.name ?? "unknown", ...vals.map(typed)];
}

function component(e: XmlElement): unknown[] {
  const props = child(e, "properties");
  const comps = child(e, "components");
  return [e.name, props ? elements(props).map(property) : [], comps ? elements(comps).map(component) : []];
}

/** xCal → jCal, the inverse of the feed's conversion: equal to ical.js's parse of the same iCalendar. */
export function xcalToJCal(xml: string): unknown {
  const doc = XmlDocument.fromString(xml);
  try {
    const [vcalendar] = elements(doc.root);
    return component(vcalendar!);
  } finally {
    doc.dispose();
  }
}
