import { FieldGroup, GroupInput } from "@/components/ui/field";
import { cardClass } from "@/components/ui/styles";
import { cookies } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { voteAction } from "../actions";
import { ActionForm } from "@/components/forms/action-form";
import { PollResultsView } from "@/components/community/poll-results";
import { requireUser } from "@/lib/auth/guards";
import { getPollView } from "@/lib/domain/community/polls/poll-queries";
import { formatDateTime } from "@/lib/time";
import { getLocale, getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { receiptCookie } from "@/lib/web/poll-receipt";
import { getSpace } from "@/lib/web/space";
import { parseId } from "@/lib/domain/shared/ids";
import { PageTitle } from "@/components/ui/page-title";
import { Button } from "@/components/ui/button";

export const dynamic = "force-dynamic";

export default async function PollPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const id = parseId((await params).id);
  if (id === null) notFound();
  const receipt = (await cookies()).get(receiptCookie(id))?.value;
  const [t, locale, space, view] = await Promise.all([getT(), getLocale(), getSpace(), getPollView(getDb(), user.personId, id, receipt)]);
  if (!view) notFound();
  const { poll, phase, options, eligible, voted, myChoices, results } = view;
  const when = (d: Date) => formatDateTime(d, locale, space.timeZone);
  const multiple = poll.choice === "multiple";
  // Anonymous votes without the receipt in this browser cannot be changed (see the note).
  const mayVote = phase === "open" && eligible && (!voted || !poll.anonymous || !!receipt);
  return (
    <div className="max-w-2xl space-y-4">
      <Link href="/polls" className="text-sm text-slate-600 underline">
        {t("com.polls.back")}
      </Link>
      <PageTitle>{poll.question}</PageTitle>
      {poll.description && <p className="whitespace-pre-line text-slate-700">{poll.description}</p>}
      <p className="text-sm text-slate-500">
        {phase === "open" && t("com.polls.phase.open", { when: when(poll.closesAt) })}
        {phase === "upcoming" && t("com.polls.phase.upcoming", { when: when(poll.opensAt) })}
        {phase === "closed" && t("com.polls.phase.closed", { when: when(poll.closesAt) })}
        {" · "}
        {poll.anonymous ? t("com.polls.anonymous") : t("com.polls.named")}
      </p>
      {poll.anonymous && <p className="rounded border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">{t("com.polls.anonymousNote")}</p>}
      {phase === "open" && !eligible && <p className="text-sm text-red-800">{t("com.polls.notEligible")}</p>}
      {voted && !mayVote && phase === "open" && eligible && <p className="text-sm text-slate-700">{t("com.error.already_voted")}</p>}
      {mayVote && (
        <ActionForm action={voteAction} className={`${cardClass} space-y-3`} label={t("com.polls.vote")}>
          <input type="hidden" name="pollId" value={poll.id} />
          {multiple && <p className="text-sm text-slate-600">{t("com.polls.chooseUpTo", { n: poll.maxChoices })}</p>}
          {myChoices && <p className="text-sm text-slate-600">{t("com.polls.yourChoice")}</p>}
          <FieldGroup name="optionIds" legend={poll.question} legendClassName="sr-only" className="space-y-2">
            {options.map((o) => (
              <label key={o.id} className="flex items-center gap-3 rounded border border-slate-200 px-3 py-3 text-base">
                <GroupInput
                  type={multiple ? "checkbox" : "radio"}
                  name="option"
                  value={o.id}
                  defaultChecked={myChoices?.includes(o.id) ?? false}
                  required={!multiple}
                  className="h-5 w-5"
                />
                {o.label}
              </label>
            ))}
          </FieldGroup>
          <Button type="submit" className="w-full sm:w-auto">
            {voted ? t("com.polls.changeVote") : t("com.polls.vote")}
          </Button>
        </ActionForm>
      )}
      {results ? (
        <PollResultsView t={t} results={results} pollId={poll.id} />
      ) : (
        <p className="text-sm text-slate-500">{t(`com.polls.resultsLater.${poll.resultsVisible}`)}</p>
      )}
    </div>
  );
}
