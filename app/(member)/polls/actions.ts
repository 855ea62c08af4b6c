"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { createPoll } from "@/lib/domain/community/polls/create-poll";
import { POLL_REFUSALS, pollInput, voteInput } from "@/lib/domain/community/polls/poll-input";
import { castVote } from "@/lib/domain/community/polls/vote";
import type { Failure } from "@/lib/domain/community/result";
import type { Translate } from "@/lib/i18n/translate";
import { parseLocalDateTime } from "@/lib/time";
import { defineAction } from "@/lib/web/action";
import { unexplainedRefusal } from "@/lib/web/action-pipeline";
import { int, optionalInt, text } from "@/lib/web/form-data";
import { receiptCookie } from "@/lib/web/poll-receipt";
import { getSpace } from "@/lib/web/space";

// Who may vote or create polls is decided in the domain calls; a new poll is read with the domain's schema, so each
// wrong field is named by its label beside it, all at once.
const refusals = (failure: Failure, t: Translate) => (failure.code === "invalid" ? unexplainedRefusal(failure, t) : t(`com.error.${failure.code}`));

export const voteAction = defineAction({
  caller: "user",
  input: z.object({ pollId: z.number().int().positive(), optionIds: voteInput.shape.optionIds }),
  read: (formData) => ({
    pollId: int(formData, "pollId"),
    optionIds: formData.getAll("option").map((v) => (typeof v === "string" && /^\d+$/.test(v) ? Number(v) : Number.NaN)),
  }),
  labels: { optionIds: "com.polls.choiceField" },
  issueMessages: { [POLL_REFUSALS.noChoice]: "com.polls.error.noChoice" },
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
  input: pollInput,
  async read(formData) {
    const { timeZone } = await getSpace();
    const statuses = formData.getAll("status").filter((s): s is string => typeof s === "string");
    const choice = text(formData, "choice");
    return {
      question: text(formData, "question"),
      description: text(formData, "description"),
      options: text(formData, "options")
        .split(/\r?\n/)
        .map((o) => o.trim())
        .filter(Boolean),
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
  labels: {
    question: "com.polls.question",
    description: "com.polls.description",
    options: "com.polls.options",
    choice: "com.polls.choice",
    maxChoices: "com.polls.maxChoices",
    opensAt: "com.polls.opensAt",
    closesAt: "com.polls.closesAt",
    resultsVisible: "com.polls.resultsVisible",
    eligibleStatusKeys: "com.polls.eligible",
  },
  issueMessages: {
    [POLL_REFUSALS.sameOptions]: "com.polls.error.sameOptions",
    [POLL_REFUSALS.closesAfterOpens]: "com.polls.error.closesAfterOpens",
    [POLL_REFUSALS.singleOne]: "com.polls.error.singleOne",
    [POLL_REFUSALS.maxOverOptions]: "com.polls.error.maxOverOptions",
  },
  refusals,
  revalidate: ["/polls"],
  async run({ actor, db, input }) {
    const created = await createPoll(db, actor.personId, input);
    return created.ok ? { ok: true, redirect: `/polls/${created.id}` } : created;
  },
});
