import { describe, expect, it } from "vitest";
import { launcherPublicUrl } from "./public-url";

const lan = { eth0: [{ address: "192.168.1.20", family: "IPv4", internal: false }], lo: [{ address: "127.0.0.1", family: "IPv4", internal: true }] } as never;
const none = { lo: [{ address: "127.0.0.1", family: "IPv4", internal: true }] } as never;
const base = { PUBLIC_URL: undefined, AUTH_URL: undefined, HOST: "0.0.0.0", PORT: 3000 };

describe("npm start's first value for the public address", () => {
  it("PUBLIC_URL wins, then AUTH_URL", () => {
    expect(launcherPublicUrl({ ...base, PUBLIC_URL: "https://space.example.org/", AUTH_URL: "https://auth.example.org" }, "http", lan)).toBe(
      "https://space.example.org",
    );
    expect(launcherPublicUrl({ ...base, AUTH_URL: "https://auth.example.org/api/auth" }, "http", lan)).toBe("https://auth.example.org");
  });

  it("the listening address, or this machine's LAN address when listening everywhere", () => {
    expect(launcherPublicUrl({ ...base, HOST: "127.0.0.1", PORT: 4321 }, "http", lan)).toBe("http://127.0.0.1:4321");
    expect(launcherPublicUrl(base, "http", lan)).toBe("http://192.168.1.20:3000");
    expect(launcherPublicUrl({ ...base, PORT: 443 }, "https", lan)).toBe("https://192.168.1.20");
    expect(launcherPublicUrl(base, "http", none)).toBe("http://localhost:3000");
    expect(launcherPublicUrl({ ...base, HOST: "::1" }, "http", lan)).toBe("http://[::1]:3000");
  });
});
