import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personSlugs } from "@/lib/db/schema";
import { eq } from "drizzle-orm";
import { permissionsOfPerson } from "../access/person-permissions";
import { erasePerson } from "./erase-person";
import { updateProfile } from "./person-service";
import { setVisibility } from "./profile-settings";
import { directoryKeyParam, parseDirectoryKeyParam, type DirectoryKey } from "./directory";
import { listPublicPeoplePage, publicProfile, slugify } from "./public-profile";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import type { Viewer } from "./visibility";

let t: DemoDatabase;
const viewers: Record<string, Viewer> = {};
beforeAll(async () => {
  t = await createDemoDatabase();
  await updateProfile(t.db, t.ids.member, t.ids.member, {
    firstName: "Mario",
    lastName: "Rossi",
    email: "member@makerspace.local",
    phone: "+43 1 234",
    company: "ACME",
    interests: "Lasers",
  });
  await setVisibility(t.db, t.ids.member, t.ids.member, {
    visibility: { name: "public", company: "public", phone: "members", email: "board" },
    boardOnly: false,
  });
  viewers.visitor = { personId: null, permissions: new Set() };
  for (const who of ["admin", "maria"] as const) viewers[who] = { personId: t.ids[who], permissions: await permissionsOfPerson(t.db, t.ids[who]) };
});
afterAll(() => t?.close());

const listPublicPeople = async (viewer: Viewer) => (await listPublicPeoplePage(t.db, viewer, { after: null, limit: 1000 })).entries;

async function shown(viewer: Viewer, ref: string) {
  const found = await publicProfile(t.db, viewer, ref);
  return found.kind === "profile" ? Object.keys(found.entry.fields).sort() : found.kind;
}

describe("slugs", () => {
  it.each([
    ["Zoë O'Brien-Müller", "zoe-o-brien-muller"],
    ["  Jürgen   Weiß ", "jurgen-weiss"],
    ["李雷", "person"],
    ["2024", "person-2024"],
  ])("%s → %s", (name, slug) => expect(slugify(name)).toBe(slug));
});

describe("a profile page shows each viewer what the person allows them", () => {
  it.each([
    ["visitor", ["company", "name"]],
    ["maria", ["company", "interests", "jobTitle", "name", "partner", "phone", "photo", "studies"]],
    ["admin", ["address", "company", "email", "interests", "jobTitle", "name", "partner", "phone", "photo", "studies"]],
  ])("%s", async (who, fields) => {
    expect(await shown(viewers[who]!, "mario-rossi")).toEqual(fields);
  });

  it("the visitor's page carries the values themselves, nothing more", async () => {
    const found = await publicProfile(t.db, viewers.visitor!, "mario-rossi");
    expect(found).toMatchObject({ kind: "profile", entry: { fields: { name: "Mario Rossi", company: "ACME" } } });
    expect(JSON.stringify(found)).not.toContain("+43");
  });

  it("a person whose name is not public has no page for visitors (the same answer as no such slug)", async () => {
    const maria = await publicProfile(t.db, viewers.admin!, String(t.ids.maria));
    expect(maria.kind).toBe("redirect");
    const slug = maria.kind === "redirect" ? maria.slug : "";
    expect(await shown(viewers.visitor!, slug)).toBe("missing");
    expect(await shown(viewers.visitor!, "nobody-at-all")).toBe("missing");
    expect(await shown(viewers.visitor!, String(t.ids.maria))).toBe("missing");
  });

  it("the number and odd addresses: a redirect to the slug, or missing", async () => {
    expect(await publicProfile(t.db, viewers.visitor!, String(t.ids.member))).toEqual({ kind: "redirect", slug: "mario-rossi" });
    for (const odd of ["Mario-Rossi", "-", "a--b", "x".repeat(200), "99999999999", "<script>", "mario rossi"])
      expect(await shown(viewers.visitor!, odd)).toBe("missing");
  });

  it("board only: even a public name is hidden from visitors", async () => {
    await setVisibility(t.db, t.ids.member, t.ids.member, { visibility: { name: "public", company: "public" }, boardOnly: true });
    expect(await shown(viewers.visitor!, "mario-rossi")).toBe("missing");
    expect(await listPublicPeople(viewers.visitor!)).toEqual([]);
    await setVisibility(t.db, t.ids.member, t.ids.member, { visibility: { name: "public", company: "public" }, boardOnly: false });
  });

  it("the visitors' list holds exactly the people with a public name, each with their slug", async () => {
    const list = await listPublicPeople(viewers.visitor!);
    expect(list.map((e) => [e.slug, e.fields.name])).toEqual([["mario-rossi", "Mario Rossi"]]);
  });
});

describe("the list a page at a time", () => {
  it("pages of one walk through the same people in the same order, each with their slug, and end", async () => {
    const whole = await listPublicPeople(viewers.admin!);
    expect(whole.length).toBeGreaterThan(2);
    const walked: string[] = [];
    let after: DirectoryKey | null = null;
    for (let i = 0; i <= whole.length; i++) {
      const page = await listPublicPeoplePage(t.db, viewers.admin!, { after, limit: 1 });
      walked.push(...page.entries.map((e) => e.slug));
      // The key goes through the page's address and back.
      after = page.next && parseDirectoryKeyParam(directoryKeyParam(page.next));
      if (!after) break;
    }
    expect(walked).toEqual(whole.map((e) => e.slug));
  });

  it("a made-up or damaged address parameter is the first page", () => {
    for (const bad of [undefined, "", "x", Buffer.from("[1,2,3]").toString("base64url"), Buffer.from('["a","b",1.5]').toString("base64url")])
      expect(parseDirectoryKeyParam(bad)).toBeNull();
  });
});

describe("renames and erasure", () => {
  it("a rename gets a new slug; the old one redirects; a namesake gets -2", async () => {
    await updateProfile(t.db, t.ids.member, t.ids.member, { firstName: "Mario", lastName: "Bianchi", company: "ACME" });
    expect(await publicProfile(t.db, viewers.visitor!, "mario-rossi")).toEqual({ kind: "redirect", slug: "mario-bianchi" });
    expect(await shown(viewers.visitor!, "mario-bianchi")).toEqual(["company", "name"]);

    await updateProfile(t.db, t.ids.maria, t.ids.maria, { firstName: "Mario", lastName: "Rossi" });
    await setVisibility(t.db, t.ids.maria, t.ids.maria, { visibility: { name: "public" }, boardOnly: false });
    // The old slug belongs to the first Mario: it still leads to him, the namesake gets the next one.
    expect(await publicProfile(t.db, viewers.visitor!, "mario-rossi")).toEqual({ kind: "redirect", slug: "mario-bianchi" });
    expect(await publicProfile(t.db, viewers.visitor!, String(t.ids.maria))).toEqual({ kind: "redirect", slug: "mario-rossi-2" });
  });

  it("back to the earlier name: the earlier slug is current again", async () => {
    await updateProfile(t.db, t.ids.member, t.ids.member, { firstName: "Mario", lastName: "Rossi", company: "ACME" });
    expect(await shown(viewers.visitor!, "mario-rossi")).toEqual(["company", "name"]);
    expect(await publicProfile(t.db, viewers.visitor!, "mario-bianchi")).toEqual({ kind: "redirect", slug: "mario-rossi" });
  });

  it("erasure removes every slug (they are made from the name)", async () => {
    expect((await erasePerson(t.db, t.ids.admin, t.ids.member, { reason: "asked" })).ok).toBe(true);
    expect(await t.db.select().from(personSlugs).where(eq(personSlugs.personId, t.ids.member))).toEqual([]);
    // The erased Mario's slugs are free again: the name now leads to his namesake.
    expect(await publicProfile(t.db, viewers.visitor!, "mario-rossi")).toEqual({ kind: "redirect", slug: "mario-rossi-2" });
    expect(await shown(viewers.visitor!, String(t.ids.member))).toBe("missing");
  });
});
