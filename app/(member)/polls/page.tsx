import Link from "next/link";
import { requireUser } from "@/lib/auth/guards";
import { listPolls } from "@/lib/domain/community/polls/poll-queries";
import { formatDateTime } from "@/lib/time";
import { getLocale, getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { getSpace } from "@/lib/web/space";
import { PageTitle } from "@/components/ui/page-title";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default async function PollsPage() {
  const user = await requireUser();
  const [t, locale, space, polls] = await Promise.all([getT(), getLocale(), getSpace(), listPolls(getDb(), user.personId)]);
  const when = (d: Date) => formatDateTime(d, locale, space.timeZone);
  return (
    <div className="space-y-4">
      <PageTitle
        actions={
          user.permissions.has("polls.create") && (
            <ButtonLink href="/polls/new" size="small">
              {t("com.polls.new")}
            </ButtonLink>
          )
        }
      >
        {t("com.polls.title")}
      </PageTitle>
      {polls.length === 0 && <EmptyState small>{t("com.polls.none")}</EmptyState>}
      <ul className="space-y-2">
        {polls.map(({ poll, phase, voted }) => (
          <li key={poll.id} className="rounded border border-slate-200 bg-white px-3 py-2">
            <Link href={`/polls/${poll.id}`} className="font-medium hover:underline">
              {poll.question}
            </Link>
            <p className="text-xs text-slate-500">
              {phase === "open" && t("com.polls.phase.open", { when: when(poll.closesAt) })}
              {phase === "upcoming" && t("com.polls.phase.upcoming", { when: when(poll.opensAt) })}
              {phase === "closed" && t("com.polls.phase.closed", { when: when(poll.closesAt) })}
              {" · "}
              {poll.anonymous ? t("com.polls.anonymous") : t("com.polls.named")}
              {voted && ` · ${t("com.polls.voted")}`}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
