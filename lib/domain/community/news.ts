import { count, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { newsPosts, type NewsPost } from "@/lib/db/schema";
import { namesShownTo } from "../people/shown-names";
import type { Viewer } from "../people/visibility";
import { diffValues, recordAudit } from "../audit/record-audit";
import { fail, type Result } from "./result";
import { actorMay } from "../shared/actor-may";
import { describeIssues } from "../shared/result";

export const newsInput = z.object({
  title: z.string().trim().min(1, "required").max(200, "at most 200 characters"),
  body: z.string().trim().min(1, "required").max(10_000, "at most 10000 characters"),
});

export type NewsListItem = NewsPost & { authorName: string | null };

/** Posts with their authors' names as far as each author lets this viewer see them (null: not shown). */
async function withAuthors(db: Db, viewer: Viewer | null, posts: NewsPost[]): Promise<NewsListItem[]> {
  const names = await namesShownTo(
    db,
    viewer,
    posts.map((p) => p.authorId),
  );
  return posts.map((p) => ({ ...p, authorName: (p.authorId && names.get(p.authorId)) || null }));
}

export async function listNews(db: Db, viewer: Viewer | null, limit = 20, id?: number): Promise<NewsListItem[]> {
  const rows = await db
    .select()
    .from(newsPosts)
    .where(id === undefined ? undefined : eq(newsPosts.id, id))
    .orderBy(desc(newsPosts.publishedAt), desc(newsPosts.id))
    .limit(limit)
    .prepare("news_list") // the start page asks on every request: one round trip, not two
    .execute();
  return withAuthors(db, viewer, rows);
}

export const NEWS_PER_PAGE = 10;

/** One page of the public news list, newest first; a page past the end answers the last page. */
export async function listNewsPage(
  db: Db,
  viewer: Viewer | null,
  requestedPage: number,
  perPage = NEWS_PER_PAGE,
): Promise<{ posts: NewsListItem[]; page: number; pages: number; total: number }> {
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(newsPosts);
  const pages = Math.max(1, Math.ceil(total / perPage));
  const page = Math.min(Math.max(1, Math.floor(requestedPage) || 1), pages);
  const rows = await db
    .select()
    .from(newsPosts)
    .orderBy(desc(newsPosts.publishedAt), desc(newsPosts.id))
    .limit(perPage)
    .offset((page - 1) * perPage);
  const posts = await withAuthors(db, viewer, rows);
  return { posts, page, pages, total };
}

/** One post with its author's name as this viewer may see it, for the public post page. */
export async function getNewsItem(db: Db, viewer: Viewer | null, id: number): Promise<NewsListItem | null> {
  return (await listNews(db, viewer, 1, id))[0] ?? null;
}

async function guard(db: Db, actorId: number, raw: unknown) {
  if (!(await actorMay(db, actorId, "news.write"))) return fail("forbidden", "You may not write news.");
  const parsed = newsInput.safeParse(raw);
  return parsed.success ? parsed.data : fail("invalid", describeIssues(parsed.error.issues));
}

export async function createNews(db: Db, actorId: number, raw: z.input<typeof newsInput>, now = new Date()): Promise<Result<{ id: number }>> {
  const input = await guard(db, actorId, raw);
  if ("ok" in input) return input;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(newsPosts)
      .values({ ...input, authorId: actorId, publishedAt: now, updatedAt: now })
      .returning();
    await recordAudit(tx, { actorId, changeType: "news.create", entity: "news_posts", entityId: row!.id, after: input });
    return { ok: true as const, id: row!.id };
  });
}

export async function updateNews(db: Db, actorId: number, id: number, raw: z.input<typeof newsInput>, now = new Date()): Promise<Result> {
  const input = await guard(db, actorId, raw);
  if ("ok" in input) return input;
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(newsPosts).where(eq(newsPosts.id, id)).for("update");
    if (!before) return fail("not_found", "This news post does not exist.");
    await tx
      .update(newsPosts)
      .set({ ...input, updatedAt: now })
      .where(eq(newsPosts.id, id));
    const diff = diffValues({ title: before.title, body: before.body }, input);
    await recordAudit(tx, { actorId, changeType: "news.update", entity: "news_posts", entityId: id, ...diff });
    return { ok: true as const };
  });
}

export async function deleteNews(db: Db, actorId: number, id: number): Promise<Result> {
  if (!(await actorMay(db, actorId, "news.write"))) return fail("forbidden", "You may not write news.");
  return db.transaction(async (tx) => {
    const [row] = await tx.delete(newsPosts).where(eq(newsPosts.id, id)).returning();
    if (!row) return fail("not_found", "This news post does not exist.");
    await recordAudit(tx, { actorId, changeType: "news.delete", entity: "news_posts", entityId: id, before: { title: row.title, body: row.body } });
    return { ok: true as const };
  });
}
