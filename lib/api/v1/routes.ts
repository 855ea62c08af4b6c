import type { Endpoint } from "./endpoint";
import { ENDPOINTS } from "./endpoints";

interface Compiled {
  endpoint: Endpoint;
  pattern: RegExp;
  names: string[];
}

const compiled: Compiled[] = ENDPOINTS.map((endpoint) => {
  const names: string[] = [];
  const source = endpoint.path
    .split(/(\{\w+\})/)
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      if (!name) return part.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
      names.push(name);
      return "([^/]+)";
    })
    .join("");
  return { endpoint, pattern: new RegExp(`^${source}/?$`), names };
});

export type RouteMatch = { kind: "none" } | { kind: "method"; allow: string[] } | { kind: "ok"; endpoint: Endpoint; pathValues: Record<string, string> };

/** The endpoint for a path below /api/v1 and a method; path segments are handed over decoded, unparsed. */
export function matchRoute(path: string, method: string): RouteMatch {
  const hits = compiled.flatMap((c) => {
    const m = c.pattern.exec(path);
    return m ? [{ c, values: Object.fromEntries(c.names.map((n, i) => [n, safeDecode(m[i + 1]!)])) }] : [];
  });
  if (hits.length === 0) return { kind: "none" };
  const wanted = method === "HEAD" ? "GET" : method;
  const hit = hits.find((h) => h.c.endpoint.method === wanted);
  if (!hit) return { kind: "method", allow: [...new Set(hits.map((h) => h.c.endpoint.method))] };
  return { kind: "ok", endpoint: hit.c.endpoint, pathValues: hit.values };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
