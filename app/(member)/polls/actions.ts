"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { createPoll } from "@/lib/domain/community/polls/create-poll";
import type { PollInput } from "@/lib/domain/community/polls/poll-input";
import { castVote } from "@/lib/domain/community/polls/vote";
import type { Failure } from "@/lib/domain/community/result";
import type { Translate } from "@/lib/i18n/translate";
import { parseLocalDateTime } from "@/lib/time";
import { defineAction } from "@/lib/web/action";
import { int, optionalInt, text } from "@/lib/web/form-data";
import { receiptCookie } from "@/lib/web/poll-receipt";
import { getSpace } from "@/lib/web/space";

// Who may vote or create polls, and every rule of a poll, is decided in the domain calls.
const refusals = (failure: Failure, t: Translate) => (failure.code === "invalid" ? t("com.error.invalid", { detail: failure.message }) : t(`com.error.${failure.code}`));

export const voteAction = defineAction({
  caller: "user",
  input: z.object({ pollId: z.number().int().positive(), optionIds: z.array(z.number()) }),
  read: (formData) => ({ pollId: int(formData, "pollId"), optionIds: formData.getAll("option").map((v) => (typeof v === "string" && /^\d+$/.test(v) ? Number(v) : Number.NaN)) }),
  refusals,
  revalidate: [["/(member)/polls/[id]", "page"]],
  async run({ actor, db, t, input: { pollId, optionIds } }) {
    const jar = await cookies();
    const voted = await castVote(db, actor.personId, { pollId, optionIds, receipt: jar.get(receiptCookie(pollId))?.value });
    if (!voted.ok) return voted;
    if (voted.receipt) jar.set(receiptCookie(pollId), voted.receipt, { httpOnly: true, sameSite: "lax", path: `/polls/${pollId}`, maxAge: 400 * 24 * 60 * 60 });
    return { ok: true, message: t(voted.changed ? "com.polls.voteChanged" : "com.polls.voteSaved") };
  },
});

export const createPollAction = defineAction({
  caller: "user",
  input: z.custom<PollInput>(),
  async read(formData) {
    const { timeZone } = await getSpace();
    const statuses = formData.getAll("status").filter((s): s is string => typeof s === "string");
    const choice = text(formData, "choice");
    return {
      question: text(formData, "question"),
      description: text(formData, "description"),
      options: text(formData, "options").split(/\r?\n/).map((o) => o.trim()).filter(Boolean),
      choice: choice as "single" | "multiple",
      maxChoices: choice === "multiple" ? (optionalInt(formData, "maxChoices") ?? 1) : 1,
      // An unparsable time becomes an invalid date, which the domain refuses by field name.
      opensAt: parseLocalDateTime(text(formData, "opensAt"), timeZone) ?? new Date(Number.NaN),
      closesAt: parseLocalDateTime(text(formData, "closesAt"), timeZone) ?? new Date(Number.NaN),
      anonymous: formData.get("anonymous") === "on",
      resultsVisible: text(formData, "resultsVisible") as "after_vote" | "after_close",
      eligibleStatusKeys: statuses.length ? statuses : null,
    };
  },
  refusals,
  revalidate: ["/polls"],
  async run({ actor, db, input }) {
    const created = await createPoll(db, actor.personId, input);
    return created.ok ? { ok: true, redirect: `/polls/${created.id}` } : created;
  },
});
