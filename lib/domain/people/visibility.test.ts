import { describe, expect, it } from "vitest";
import type { Permission } from "../access/permissions";
import { visibleProfile, viewerKind, type Viewer } from "./visibility";

const MEMBER: Permission[] = ["directory.read"];
const BOARD: Permission[] = ["directory.read", "members.read"];
const viewer = (personId: number | null, permissions: Permission[] = []): Viewer => ({ personId, permissions: new Set(permissions) });

const values = { name: "Mario Rossi", email: "m@x", phone: "+43 1", company: "ACME", interests: "lasers", address: "Main St" };
const person = (visibility: Record<string, string>, boardOnly = false) => ({ personId: 1, partnerPersonId: 2, visibility, boardOnly, values });

describe("viewerKind", () => {
  it.each([
    [viewer(1), "self"],
    [viewer(9, BOARD), "board"],
    [viewer(2), "partner"],
    [viewer(9, MEMBER), "member"],
    [viewer(9), "anonymous"],
    [viewer(null), "anonymous"],
  ] as const)("%#: %s", (v, kind) => {
    expect(viewerKind(v, person({}))).toBe(kind);
  });
});

describe("visibleProfile", () => {
  const settings = { name: "public", phone: "members", email: "board", company: "members" };
  it.each([
    ["anonymous", viewer(null), ["name"]],
    ["member", viewer(9, MEMBER), ["company", "interests", "name", "phone"]],
    ["partner without directory right", viewer(2), ["company", "interests", "name", "phone"]],
    ["board", viewer(9, BOARD), ["address", "company", "email", "interests", "name", "phone"]],
    ["self", viewer(1), ["address", "company", "email", "interests", "name", "phone"]],
  ] as const)("%s sees %j", (_label, v, fields) => {
    expect(Object.keys(visibleProfile(v, person(settings))).sort()).toEqual(fields);
  });

  it("uses the defaults for fields without a setting: contact data for the board only", () => {
    expect(Object.keys(visibleProfile(viewer(9, MEMBER), person({}))).sort()).toEqual(["company", "interests", "name"]);
  });

  it("'only the board' hides everything from members and the public, not from the board or the person", () => {
    const restricted = person(settings, true);
    expect(visibleProfile(viewer(null), restricted)).toEqual({});
    expect(visibleProfile(viewer(9, MEMBER), restricted)).toEqual({});
    expect(visibleProfile(viewer(2), restricted)).toEqual({});
    expect(visibleProfile(viewer(9, BOARD), restricted)).toEqual(values);
    expect(visibleProfile(viewer(1), restricted)).toEqual(values);
  });

  it("ignores unknown audiences (falls back to the default)", () => {
    expect(visibleProfile(viewer(null), person({ email: "everyone", name: "nobody" }))).toEqual({});
  });
});
