import { describe, expect, it } from "vitest";
import { clientIp } from "./request-info";

describe("clientIp", () => {
  it.each([
    [{ "x-forwarded-for": "203.0.113.9" }, "203.0.113.9"],
    [{ "x-forwarded-for": "1.2.3.4, 198.51.100.7" }, "198.51.100.7"],
    [{ "x-real-ip": "192.0.2.1" }, "192.0.2.1"],
    [{}, "unknown"],
  ])("%j gives %s", (headers, ip) => {
    expect(clientIp(new Headers(headers))).toBe(ip);
  });
});
