import { describe, expect, it } from "vitest";
import { banner } from "./banner";

const base = {
  url: "http://localhost:3000",
  publicUrl: "http://192.168.1.20:3000",
  mqttPort: 1883,
  embeddedUrl: null,
  dataDir: "/data",
  demo: null,
  seededNow: false,
};

describe("start banner", () => {
  it("says plainly when mails (and their links) are printed to the log instead of sent", () => {
    expect(banner({ ...base, mail: "log" })).toMatch(/Mail: NOT SENT .* printed to this log/);
    expect(banner({ ...base, mail: "smtp" })).not.toMatch(/printed to this log/);
    expect(banner({ ...base, mail: "smtp" })).toContain("Mail: sent through the SMTP server");
  });

  it("never prints the embedded database's password", () => {
    const text = banner({ ...base, mail: "smtp", embeddedUrl: "postgres://postgres:s3cret-pass@127.0.0.1:5433/postgres" });
    expect(text).not.toContain("s3cret-pass");
    expect(text).toContain("postgres://postgres:***@127.0.0.1:5433/postgres");
    expect(text).toContain("/data/embedded-db.url");
  });
});
