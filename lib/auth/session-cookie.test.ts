import { describe, expect, it, vi } from "vitest";
import { sessionCookieCodec } from "./session-cookie";

const secret = "a-test-secret-of-enough-length-0123456789";
const salt = "authjs.session-token";

describe("sessionCookieCodec", () => {
  it("answers a session read with the cookie it came from, and issues a new one past the update age or for a new token", async () => {
    const codec = sessionCookieCodec(3600);
    const cookie = await codec.encode({ token: { sub: "7", sv: 1 }, secret, salt });
    const token = (await codec.decode({ token: cookie, secret, salt }))!;
    expect(token).toMatchObject({ sub: "7", sv: 1 });
    // The same token back from the jwt callback: the same cookie, no encryption.
    expect(await codec.encode({ token, secret, salt })).toBe(cookie);
    // A token built anew (sign-in) with the same claims: encrypted afresh.
    expect(await codec.encode({ token: { ...token }, secret, salt })).not.toBe(cookie);
    // An hour later the read cookie is renewed.
    vi.useFakeTimers({ now: Date.now() + 3601_000 });
    try {
      const renewed = await codec.encode({ token, secret, salt });
      expect(renewed).not.toBe(cookie);
      expect(await codec.decode({ token: renewed, secret, salt })).toMatchObject({ sub: "7", sv: 1 });
    } finally {
      vi.useRealTimers();
    }
  });
});
