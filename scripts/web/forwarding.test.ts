import { describe, expect, it } from "vitest";
import type { IncomingHttpHeaders } from "node:http";
import { applyForwardingPolicy, isLoopback } from "./forwarding";

const spoofed = (): IncomingHttpHeaders => ({
  "x-forwarded-for": "1.2.3.4",
  "x-forwarded-proto": "https",
  "x-forwarded-host": "evil.example",
  "x-real-ip": "1.2.3.4",
});

describe("forwarding headers", () => {
  it("recognises loopback peers, IPv4-mapped too", () => {
    expect(["127.0.0.1", "::1", "::ffff:127.0.0.1", "127.8.9.1"].every(isLoopback)).toBe(true);
    expect(["10.0.0.1", "::ffff:192.168.1.2", undefined].some(isLoopback)).toBe(false);
  });

  it("drops what a client on the network claims and uses the socket address", () => {
    const headers = spoofed();
    applyForwardingPolicy(headers, "192.0.2.10", "loopback", false);
    expect(headers).toEqual({ "x-forwarded-for": "192.0.2.10" });
  });

  it("believes a proxy on this machine", () => {
    const headers = spoofed();
    applyForwardingPolicy(headers, "127.0.0.1", "loopback", false);
    expect(headers["x-forwarded-for"]).toBe("1.2.3.4");
    expect(headers["x-forwarded-host"]).toBe("evil.example");
  });

  it("believes nobody with none, anybody with all", () => {
    const none = spoofed();
    applyForwardingPolicy(none, "127.0.0.1", "none", false);
    expect(none["x-forwarded-for"]).toBe("127.0.0.1");
    const all = spoofed();
    applyForwardingPolicy(all, "198.51.100.3", "all", false);
    expect(all["x-forwarded-for"]).toBe("1.2.3.4");
  });

  it("says https on a TLS socket whatever was sent", () => {
    const headers: IncomingHttpHeaders = { "x-forwarded-proto": "http" };
    applyForwardingPolicy(headers, "192.0.2.10", "loopback", true);
    expect(headers["x-forwarded-proto"]).toBe("https");
  });
});
