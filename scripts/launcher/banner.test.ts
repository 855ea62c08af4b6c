import { describe, expect, it } from "vitest";
import { banner } from "./banner";

const base = { url: "http://localhost:3000", publicUrl: "http://192.168.1.20:3000", mqttPort: 1883, embeddedUrl: null, dataDir: "/data", demo: null, seededNow: false };

describe("start banner", () => {
  it("says plainly when mails (and their links) are printed to the log instead of sent", () => {
    expect(banner({ ...base, mail: "log" })).toMatch(/Mail: NOT SENT .* printed to this log/);
    expect(banner({ ...base, mail: "smtp" })).not.toMatch(/printed to this log/);
    expect(banner({ ...base, mail: "smtp" })).toContain("Mail: sent through the SMTP server");
  });
});
