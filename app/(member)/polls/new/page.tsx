import { createPollAction } from "../actions";
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/ui/field";
import { requirePermission } from "@/lib/auth/guards";
import { statusOptions } from "@/lib/domain/community/polls/eligibility";
import { toLocalInput } from "@/lib/time";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { getSpace } from "@/lib/web/space";
import { PageTitle } from "@/components/ui/page-title";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";

const field = "block w-full rounded border border-slate-300 bg-white px-3 py-2 text-base";
const labelClass = "mb-1 block text-sm font-medium text-slate-700";

export default async function NewPollPage() {
  await requirePermission("polls.create");
  const [t, space, statuses] = await Promise.all([getT(), getSpace(), statusOptions(getDb())]);
  const now = new Date();
  return (
    <div className="max-w-2xl space-y-4">
      <PageTitle>{t("com.polls.new")}</PageTitle>
      <ActionForm action={createPollAction} className="space-y-4" label={t("com.polls.new")}>
        <TextField label={t("com.polls.question")} name="question" required maxLength={300} />
        <div>
          <label htmlFor="poll-description" className={labelClass}>
            {t("com.polls.description")}
          </label>
          <textarea id="poll-description" name="description" rows={3} className={field} />
        </div>
        <div>
          <label htmlFor="poll-options" className={labelClass}>
            {t("com.polls.options")}
          </label>
          <textarea id="poll-options" name="options" rows={4} required className={field} />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor="poll-choice" className={labelClass}>
              {t("com.polls.choice")}
            </label>
            <Select id="poll-choice" name="choice" defaultValue="single">
              <option value="single">{t("com.polls.choice.single")}</option>
              <option value="multiple">{t("com.polls.choice.multiple")}</option>
            </Select>
          </div>
          <TextField label={t("com.polls.maxChoices")} name="maxChoices" type="number" min={1} defaultValue={1} />
          <TextField label={t("com.polls.opensAt")} name="opensAt" type="datetime-local" required defaultValue={toLocalInput(now, space.timeZone)} />
          <TextField
            label={t("com.polls.closesAt")}
            name="closesAt"
            type="datetime-local"
            required
            defaultValue={toLocalInput(new Date(now.getTime() + 7 * 86_400_000), space.timeZone)}
          />
          <div>
            <label htmlFor="poll-results" className={labelClass}>
              {t("com.polls.resultsVisible")}
            </label>
            <Select id="poll-results" name="resultsVisible" defaultValue="after_vote">
              <option value="after_vote">{t("com.polls.results.after_vote")}</option>
              <option value="after_close">{t("com.polls.results.after_close")}</option>
            </Select>
          </div>
        </div>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="anonymous" className="h-5 w-5" />
          {t("com.polls.isAnonymous")}
        </label>
        <fieldset className="space-y-1">
          <legend className={labelClass}>{t("com.polls.eligible")}</legend>
          <p className="text-xs text-slate-500">
            {t("com.polls.eligible.default")}:{" "}
            {statuses
              .filter((s) => s.mayVote)
              .map((s) => s.name)
              .join(", ")}
          </p>
          {statuses.map((s) => (
            <label key={s.key} className="mr-4 inline-flex items-center gap-2 text-sm">
              <input type="checkbox" name="status" value={s.key} />
              {s.name}
            </label>
          ))}
        </fieldset>
        <Button type="submit" className="w-full sm:w-auto">
          {t("com.polls.create")}
        </Button>
      </ActionForm>
    </div>
  );
}
