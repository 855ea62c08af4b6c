"use server";

import { z } from "zod";
import { createNews, deleteNews, updateNews } from "@/lib/domain/community/news";
import type { Failure } from "@/lib/domain/community/result";
import type { Translate } from "@/lib/i18n/translate";
import { defineAction } from "@/lib/web/action";
import { int, text } from "@/lib/web/form-data";

// Who may (news.write) and what a post must hold is decided in the domain calls.
const refusals = (failure: Failure, t: Translate) => (failure.code === "invalid" ? t("com.error.invalid", { detail: failure.message }) : t(`com.error.${failure.code}`));
const post = z.object({ title: z.string(), body: z.string() });
const readPost = (formData: FormData) => ({ title: text(formData, "title"), body: text(formData, "body") });
const revalidate = ["/admin/news", "/"];

export const createNewsAction = defineAction({
  caller: "user",
  input: post,
  read: readPost,
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
  read: (formData) => ({ ...readPost(formData), id: int(formData, "id"), intent: text(formData, "intent") }),
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
