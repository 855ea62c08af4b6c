"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { createPoll } from "@/lib/domain/community/polls/create-poll";
import { castVote } from "@/lib/domain/community/polls/vote";
import type { Failure } from "@/lib/domain/community/result";
import { parseLocalDateTime } from "@/lib/time";
import { getT } from "@/lib/i18n/server";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";
import { int, optionalInt, text, typedValues } from "@/lib/web/form-data";
import { receiptCookie } from "@/lib/web/poll-receipt";
import { getSpace } from "@/lib/web/space";

async function refusal(failure: Failure, formData: FormData): Promise<ActionResult> {
  const t = await getT();
  const message = failure.code === "invalid" ? t("com.error.invalid", { detail: failure.message }) : t(`com.error.${failure.code}`);
  return { ok: false, code: failure.code, message, values: typedValues(formData) };
}

export async function voteAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const t = await getT();
  const user = await getCurrentUser();
  if (!user) return { ok: false, code: "forbidden", message: t("com.error.forbidden") };
  const pollId = int(formData, "pollId");
  const optionIds = formData.getAll("option").map((v) => (typeof v === "string" && /^\d+$/.test(v) ? Number(v) : Number.NaN));
  const jar = await cookies();
  const receipt = Number.isSafeInteger(pollId) ? jar.get(receiptCookie(pollId))?.value : undefined;
  const result = await castVote(getDb(), user.personId, { pollId, optionIds, receipt });
  if (!result.ok) return refusal(result, formData);
  if (result.receipt) {
    jar.set(receiptCookie(pollId), result.receipt, { httpOnly: true, sameSite: "lax", path: `/polls/${pollId}`, maxAge: 400 * 24 * 60 * 60 });
  }
  revalidatePath(`/polls/${pollId}`);
  return { ok: true, message: t(result.changed ? "com.polls.voteChanged" : "com.polls.voteSaved") };
}

export async function createPollAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const t = await getT();
  const user = await getCurrentUser();
  if (!user) return { ok: false, code: "forbidden", message: t("com.error.forbidden") };
  const { timeZone } = await getSpace();
  const statuses = formData.getAll("status").filter((s): s is string => typeof s === "string");
  const choice = text(formData, "choice");
  const result = await createPoll(getDb(), user.personId, {
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
  });
  if (!result.ok) return refusal(result, formData);
  revalidatePath("/polls");
  redirect(`/polls/${result.id}`);
}
