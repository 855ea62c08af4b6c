import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/*
 * public/: robots.txt keeps members' and admin pages, mailed links, the API and every feed out of search engines
 * (a feed's address is its password); the icons the web app manifest (app/manifest.ts) names are there.
 */
const root = path.resolve(import.meta.dirname, "..");
const disallowed = fs
  .readFileSync(path.join(root, "public", "robots.txt"), "utf8")
  .split("\n")
  .filter((l) => l.startsWith("Disallow:"))
  .map((l) => l.slice("Disallow:".length).trim());
/** robots.txt matching as search engines do it: a rule is a prefix of the path, `*` matching any characters. */
const blocked = (p: string) =>
  disallowed.some(
    (rule) =>
      rule &&
      new RegExp(
        `^${rule
          .split("*")
          .map((s) => s.replace(/[.?+^$()[\]{}|\\]/g, "\\$&"))
          .join(".*")}`,
      ).test(p),
  );
const dirs = (group: string) =>
  fs
    .readdirSync(path.join(root, "app", group), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);

/** Every file route whose name has an extension (feeds: calendar.ics, news.xml, rooms' feeds …), as a URL path. */
function feedRoutes(dir = path.join(root, "app"), prefix = ""): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const segment = /^\(.*\)$/.test(entry.name) ? "" : `/${entry.name.replace(/^\[.*\]$/, "x")}`;
    if (/\.(ics|json|xml)$/.test(entry.name) && entry.name !== "spaceapi.json") found.push(prefix + segment);
    found.push(...feedRoutes(path.join(dir, entry.name), prefix + segment));
  }
  return found;
}

describe("public/robots.txt", () => {
  it("keeps every members' and admin area out", () => {
    for (const area of [...dirs("(member)"), ...dirs("(admin)")]) {
      // /machines and /calendar are public pages as well: their members' pages live below them.
      const p = area === "machines" ? "/machines/1" : area === "calendar" ? "/calendar/feed" : `/${area}`;
      expect(blocked(p), p).toBe(true);
    }
  });

  it("keeps every feed, the API and mailed links out", () => {
    const feeds = feedRoutes();
    expect(feeds).toEqual(expect.arrayContaining(["/calendar.ics", "/news.xml", "/rooms/x/calendar.ics"]));
    for (const p of [...feeds, "/feeds/token/calendar.ics", "/api/v1/people", "/invitation/abc", "/reset-password/abc", "/email-change/abc"])
      expect(blocked(p), p).toBe(true);
  });

  it("lets the public pages be found", () => {
    for (const p of ["/", "/calendar", "/events", "/news", "/machines", "/rooms/3", "/login", "/signup", "/spaceapi.json"]) expect(blocked(p), p).toBe(false);
  });
});

describe("web app manifest icons", () => {
  it("are in public/ at the sizes the manifest names", async () => {
    const source = fs.readFileSync(path.join(root, "app", "manifest.ts"), "utf8");
    const icons = [...source.matchAll(/src: "(\/icons\/[^"]+)", sizes: "(\d+)x\d+"/g)].map((m) => ({ file: m[1]!, size: Number(m[2]) }));
    expect(icons.length).toBe(3);
    for (const { file, size } of icons) {
      const png = fs.readFileSync(path.join(root, "public", file));
      // PNG signature, then the IHDR chunk's width and height.
      expect(png.subarray(1, 4).toString("latin1"), file).toBe("PNG");
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], file).toEqual([size, size]);
    }
  });
});
