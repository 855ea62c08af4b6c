import { describe, expect, it } from "vitest";
import type { Permission } from "@/lib/domain/access/permissions";
import { currentHref } from "./nav-current";
import { navigationFor, type NavGroup } from "./navigation";

const viewer = (...permissions: Permission[]) => ({ permissions: new Set(permissions) });
const hrefs = (groups: NavGroup[]) => groups.flatMap((g) => g.sections.flatMap((s) => s.links.map((l) => l.href)));
const keys = (groups: NavGroup[]) => groups.map((g) => g.key);

describe("navigationFor", () => {
  it("gives a visitor the public calendar, machines, news and people only", () => {
    const groups = navigationFor(null, { inventory: false });
    expect(keys(groups)).toEqual(["calendarMachines"]);
    expect(hrefs(groups)).toEqual(["/calendar", "/machines", "/news", "/people"]);
  });

  it("gives a member their space but no admin group and no links their rights refuse", () => {
    const groups = navigationFor(viewer("directory.read"), { inventory: false });
    expect(keys(groups)).toEqual(["mySpace", "calendarMachines"]);
    expect(hrefs(groups)).toContain("/directory");
    expect(hrefs(groups)).not.toContain("/training");
    expect(hrefs(groups).some((h) => h.startsWith("/admin"))).toBe(false);
  });

  it("gives an applicant (no directory.read) their own pages but not the members-only bookings", () => {
    const links = hrefs(navigationFor(viewer(), { inventory: false }));
    expect(links).toEqual(expect.arrayContaining(["/home", "/profile", "/equipment"]));
    expect(links).not.toContain("/bookings");
    expect(hrefs(navigationFor(viewer("directory.read"), { inventory: false }))).toContain("/bookings");
  });

  it("shows inventory only when the settings open it to the viewer", () => {
    expect(keys(navigationFor(viewer(), { inventory: true }))).toContain("inventory");
    expect(keys(navigationFor(viewer(), { inventory: false }))).not.toContain("inventory");
  });

  it("gives a trainer their sessions and no admin areas", () => {
    const groups = navigationFor(viewer("training.run"), { inventory: false });
    expect(hrefs(groups)).toContain("/training");
    expect(keys(groups)).not.toContain("admin");
  });

  it("groups admin links by area, leaving out areas without a permitted link", () => {
    const people = navigationFor(viewer("members.read"), { inventory: false }).find((g) => g.key === "admin");
    expect(people?.sections.map((s) => s.title)).toEqual(["nav.area.people"]);
    expect(people?.sections[0]?.links.map((l) => l.href)).toEqual(["/admin/people", "/admin/people/applicants", "/admin/membership"]);

    const all = navigationFor(viewer("members.read", "members.write", "audit.read", "equipment.manage", "calendar.write", "news.write", "system.admin"), {
      inventory: true,
    }).find((g) => g.key === "admin");
    expect(all?.sections.map((s) => s.title)).toEqual(["nav.area.people", "nav.area.equipment", "nav.area.calendar", "nav.area.system"]);
    expect(hrefs([all!])).toEqual(
      expect.arrayContaining(["/admin/cards", "/admin/audit", "/admin/settings", "/admin/system", "/admin/webhooks", "/admin/sso"]),
    );
  });

  it("offers machine operators the usage report and maintenance without admin rights", () => {
    const links = hrefs(navigationFor(viewer("machines.operate"), { inventory: false }));
    expect(links).toEqual(expect.arrayContaining(["/admin/usage", "/admin/maintenance"]));
  });
});

describe("currentHref", () => {
  const groups = navigationFor(viewer("members.read", "equipment.manage"), { inventory: true });
  it.each([
    ["/home", "/home"],
    ["/home/usage", "/home/usage"],
    ["/admin/people/42", "/admin/people"],
    ["/admin/people/applicants", "/admin/people/applicants"],
    ["/admin/equipment/machines/3", "/admin/equipment"],
    ["/things/2342", "/things"],
    ["/homework", null],
    ["/", null],
  ])("%s marks %s", (path, expected) => {
    expect(currentHref(groups, path)).toBe(expected);
  });
});
