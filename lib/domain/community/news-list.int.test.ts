import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newsPosts } from "@/lib/db/schema";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { createNews, listNewsPage } from "./news";
import { buildAtomFeed } from "./news-feed";

let t: DemoDatabase;
let ids: Record<string, number>;

beforeAll(async () => {
  t = await createDemoDatabase();
  ids = t.ids;
  await t.db.delete(newsPosts); // the demo post aside: exact counts below
  const start = Date.UTC(2026, 0, 1);
  for (let i = 1; i <= 23; i++) {
    const r = await createNews(t.db, ids.admin!, { title: `Post ${i}`, body: `Body ${i}` }, new Date(start + i * 60_000));
    expect(r.ok).toBe(true);
  }
});
afterAll(async () => {
  await t?.close();
});

describe("the public news list", () => {
  it("pages newest first, ten a page", async () => {
    const first = await listNewsPage(t.db, null, 1);
    expect(first).toMatchObject({ page: 1, pages: 3, total: 23 });
    expect(first.posts.map((p) => p.title)).toEqual(Array.from({ length: 10 }, (_, i) => `Post ${23 - i}`));
    // Ada shows her name to members (the default), not to the public.
    expect(first.posts[0]!.authorName).toBeNull();
    expect((await listNewsPage(t.db, { personId: null, permissions: new Set(["directory.read"]) }, 1)).posts[0]!.authorName).toBe("Ada Admin");
    const last = await listNewsPage(t.db, null, 3);
    expect(last.posts.map((p) => p.title)).toEqual(["Post 3", "Post 2", "Post 1"]);
  });

  it("answers nonsense page numbers with the nearest real page", async () => {
    expect((await listNewsPage(t.db, null, 99)).page).toBe(3);
    expect((await listNewsPage(t.db, null, -4)).page).toBe(1);
    expect((await listNewsPage(t.db, null, Number.NaN)).page).toBe(1);
  });

  it("the Atom feed's alternate link is the news list", async () => {
    const { posts } = await listNewsPage(t.db, null, 1);
    const xml = buildAtomFeed({ spaceName: "Space", baseUrl: "https://space.example", posts });
    expect(xml).toContain('<link rel="alternate" type="text/html" href="https://space.example/news"/>');
  });
});
