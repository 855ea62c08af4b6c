/**
 * The REST API's browser origins (CORS) as an admin types them on the settings page: one per line (or separated
 * by commas or spaces). Each must be an exact web origin — scheme, host and port, as a browser sends it in its
 * Origin header — so "*" and anything with a path are refused, each with its own reason.
 */
export const MAX_CORS_ORIGINS = 20;

export type CorsOriginProblem = "wildcard" | "scheme" | "path" | "notOrigin" | "tooMany";

export type CorsOriginsParse = { ok: true; origins: string[] } | { ok: false; problem: CorsOriginProblem; entry: string };

function originOf(entry: string): { origin: string } | { problem: Exclude<CorsOriginProblem, "tooMany"> } {
  if (entry.includes("*")) return { problem: "wildcard" };
  if (!URL.canParse(entry)) return { problem: "notOrigin" };
  const url = new URL(entry);
  if (url.protocol !== "https:" && url.protocol !== "http:") return { problem: "scheme" };
  if (url.username || url.password || !url.hostname) return { problem: "notOrigin" };
  // "https://dashboard.example.org/" is what people copy from the address bar: its origin is meant. A path is not.
  if (url.pathname !== "/" || url.search || url.hash || /^https?:\/\/[^/]+\/./i.test(entry)) return { problem: "path" };
  return { origin: url.origin };
}

/** Every origin once, in the order given (lower-cased host, default port dropped, as browsers send it). */
export function parseCorsOrigins(text: string): CorsOriginsParse {
  const origins: string[] = [];
  for (const entry of text.split(/[\s,]+/).filter(Boolean)) {
    const parsed = originOf(entry);
    if ("problem" in parsed) return { ok: false, problem: parsed.problem, entry };
    if (!origins.includes(parsed.origin)) origins.push(parsed.origin);
  }
  if (origins.length > MAX_CORS_ORIGINS) return { ok: false, problem: "tooMany", entry: origins[MAX_CORS_ORIGINS]! };
  return { ok: true, origins };
}
