"use server";

import { z } from "zod";
import { createNews, deleteNews, newsInput, updateNews } from "@/lib/domain/community/news";
import type { Failure } from "@/lib/domain/community/result";
import type { Translate } from "@/lib/i18n/translate";
import { defineAction } from "@/lib/web/action";
import { unexplainedRefusal } from "@/lib/web/action-pipeline";
import { int, text } from "@/lib/web/form-data";

// Who may (news.write) is decided in the domain calls; a post is read with the domain's schema, so a missing title or
// text is named by its label beside it, both at once. Deleting needs no valid text.
const refusals = (failure: Failure, t: Translate) => (failure.code === "invalid" ? unexplainedRefusal(failure, t) : t(`com.error.${failure.code}`));
const post = newsInput;
const labels = { title: "com.newsAdmin.titleField", body: "com.newsAdmin.body" } as const;
const readPost = (formData: FormData) => ({ title: text(formData, "title"), body: text(formData, "body") });
const revalidate = ["/admin/news", "/"];

export const createNewsAction = defineAction({
  caller: "user",
  input: post,
  read: readPost,
  labels,
  refusals,
  revalidate,
  async run({ actor, db, t, input }) {
    const created = await createNews(db, actor.personId, input);
    return created.ok ? { ok: true, message: t("com.newsAdmin.created") } : created;
  },
});

/** One form per post: save it, or delete it (intent=delete). */
export const updateNewsAction = defineAction({
  caller: "user",
  input: post.extend({ id: z.number().int().positive(), intent: z.string() }),
  // A post being deleted: its text is not checked (it goes).
  read: (formData) => ({
    ...(text(formData, "intent") === "delete" ? { title: "-", body: "-" } : readPost(formData)),
    id: int(formData, "id"),
    intent: text(formData, "intent"),
  }),
  labels,
  refusals,
  revalidate,
  async run({ actor, db, t, input: { id, intent, ...content } }) {
    if (intent === "delete") {
      const deleted = await deleteNews(db, actor.personId, id);
      return deleted.ok ? { ok: true, message: t("com.newsAdmin.deleted") } : deleted;
    }
    const updated = await updateNews(db, actor.personId, id, content);
    return updated.ok ? { ok: true, message: t("com.newsAdmin.saved") } : updated;
  },
});
