import type { PollResults } from "@/lib/domain/community/polls/results";
import type { Translate } from "@/lib/i18n/translate";
import { Card } from "@/components/ui/card";

/** Bars with counts; named polls list the voters under each option. */
export function PollResultsView({ t, results, pollId }: { t: Translate; results: PollResults; pollId: number }) {
  const max = Math.max(1, ...results.options.map((o) => o.votes));
  return (
    <Card id={`poll-results-${pollId}`} title={t("com.polls.results")} intro={t("com.polls.participants", { n: results.participants })} className="space-y-2">
      <ul className="space-y-2">
        {results.options.map((o) => (
          <li key={o.id} data-testid="poll-result">
            <div className="flex justify-between text-sm">
              <span className="font-medium">{o.label}</span>
              <span>{t("com.polls.votes", { n: o.votes })}</span>
            </div>
            <div className="h-2 rounded bg-slate-100">
              <div className="h-2 rounded bg-amber-500" style={{ width: `${(o.votes / max) * 100}%` }} />
            </div>
            {o.voters && o.voters.length > 0 && <p className="text-xs text-slate-500">{o.voters.join(", ")}</p>}
          </li>
        ))}
      </ul>
      <a href={`/polls/${pollId}/results.csv`} className="inline-block text-sm text-slate-600 underline">
        {t("com.polls.export")}
      </a>
    </Card>
  );
}
