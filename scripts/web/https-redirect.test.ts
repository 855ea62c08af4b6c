import { describe, expect, it } from "vitest";
import { cachedPublicUrl, httpsRedirectLocation } from "./https-redirect";

describe("httpsRedirectLocation", () => {
  it("keeps path and query on the public address", () => {
    expect(httpsRedirectLocation("https://space.example", 443, "/login?next=%2Fhome")).toBe("https://space.example/login?next=%2Fhome");
    expect(httpsRedirectLocation("https://space.example:8443", 3000, "/")).toBe("https://space.example:8443/");
  });

  it("an http public address keeps its host, on this server's HTTPS port", () => {
    expect(httpsRedirectLocation("http://localhost:3000", 3443, "/x")).toBe("https://localhost:3443/x");
    expect(httpsRedirectLocation("http://space.example", 443, "/x")).toBe("https://space.example/x");
  });

  it("never leaves the public host, whatever the request target", () => {
    expect(httpsRedirectLocation("https://space.example", 443, "//evil.example/x")).toBe("https://space.example/evil.example/x");
    expect(httpsRedirectLocation("https://space.example", 443, "http://evil.example/x")).toBe("https://space.example/");
    expect(httpsRedirectLocation("https://space.example", 443, undefined)).toBe("https://space.example/");
  });
});

describe("cachedPublicUrl", () => {
  it("reads once per period and keeps the last value while the database is down", async () => {
    let calls = 0;
    let fail = false;
    const read = cachedPublicUrl(
      async () => {
        calls++;
        if (fail) throw new Error("down");
        return `https://s${calls}.example`;
      },
      "https://env.example",
      60_000,
    );
    expect(await read()).toBe("https://s1.example");
    expect(await read()).toBe("https://s1.example");
    expect(calls).toBe(1);
    fail = true;
    const down = cachedPublicUrl(async () => Promise.reject(new Error("down")), "https://env.example");
    expect(await down()).toBe("https://env.example");
  });
});
