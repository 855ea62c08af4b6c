import { describe, expect, it } from "vitest";
import { MAX_CORS_ORIGINS, parseCorsOrigins } from "./cors-origins";

describe("the API's browser origins as an admin types them", () => {
  it("takes one per line (or commas), each once, as the browser sends it", () => {
    expect(parseCorsOrigins("")).toEqual({ ok: true, origins: [] });
    expect(
      parseCorsOrigins("https://Dashboard.example.org/\n\n  http://localhost:5173 ,https://dashboard.example.org:443\r\nhttp://door.example:8080"),
    ).toEqual({
      ok: true,
      origins: ["https://dashboard.example.org", "http://localhost:5173", "http://door.example:8080"],
    });
  });

  it("refuses what is not an exact origin, saying which entry and why", () => {
    expect(parseCorsOrigins("https://ok.example\n*")).toEqual({ ok: false, problem: "wildcard", entry: "*" });
    expect(parseCorsOrigins("https://*.example.org")).toEqual({ ok: false, problem: "wildcard", entry: "https://*.example.org" });
    expect(parseCorsOrigins("https://dashboard.example.org/app")).toEqual({ ok: false, problem: "path", entry: "https://dashboard.example.org/app" });
    expect(parseCorsOrigins("https://dashboard.example.org/?x=1")).toMatchObject({ problem: "path" });
    expect(parseCorsOrigins("https://dashboard.example.org//")).toMatchObject({ problem: "path" });
    expect(parseCorsOrigins("ftp://files.example.org")).toEqual({ ok: false, problem: "scheme", entry: "ftp://files.example.org" });
    expect(parseCorsOrigins("javascript:alert(1)")).toMatchObject({ problem: "scheme" });
    expect(parseCorsOrigins("dashboard.example.org")).toEqual({ ok: false, problem: "notOrigin", entry: "dashboard.example.org" });
    expect(parseCorsOrigins("null")).toMatchObject({ problem: "notOrigin" });
    expect(parseCorsOrigins("https://user:pw@dashboard.example.org")).toMatchObject({ problem: "notOrigin" });
  });

  it(`keeps at most ${MAX_CORS_ORIGINS}`, () => {
    const many = Array.from({ length: MAX_CORS_ORIGINS + 1 }, (_, i) => `https://site${i}.example`);
    expect(parseCorsOrigins(many.slice(0, MAX_CORS_ORIGINS).join("\n"))).toMatchObject({ ok: true });
    expect(parseCorsOrigins(many.join("\n"))).toEqual({ ok: false, problem: "tooMany", entry: many[MAX_CORS_ORIGINS] });
  });
});
