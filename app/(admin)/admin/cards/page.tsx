import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { SelectField, TextField } from "@/components/ui/field";
import { requirePermission } from "@/lib/auth/guards";
import { cardHistory, unknownCardsOfLastDays } from "@/lib/domain/cards/card-service";
import { resolvePersonRef } from "@/lib/domain/people/person-ref";
import { PersonPicker } from "@/components/ui/person-picker";
import { personPickerTexts } from "@/components/people/person-picker-texts";
import { formatDateTime } from "@/lib/time";
import { getLocale, getT } from "@/lib/i18n/server";
import { listStatuses } from "@/lib/domain/people/reference-service";
import { getDb } from "@/lib/web/db";
import { getSpace } from "@/lib/web/space";
import { endCardAction, newMemberWithCardAction, registerCardAction } from "./actions";
import { Card } from "@/components/ui/card";
import { PageTitle } from "@/components/ui/page-title";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ConfirmButton } from "@/components/ui/confirm-button";

const UNKNOWN_DAYS = 30;

/** Cards: the recent unknown swipes turned into members or assigned, registering a card, and a person's card history. */
export default async function CardsPage({ searchParams }: { searchParams: Promise<{ person?: string | string[] }> }) {
  await requirePermission("members.write");
  const db = getDb();
  // The picker sends "person:<id>"; without JavaScript a member number is typed.
  const asked = (await searchParams).person;
  const personId = typeof asked === "string" && asked.trim() ? await resolvePersonRef(db, asked) : null;
  const [t, locale, space, unknown, statuses, history] = await Promise.all([
    getT(),
    getLocale(),
    getSpace(),
    unknownCardsOfLastDays(db, UNKNOWN_DAYS),
    listStatuses(db),
    personId ? cardHistory(db, personId) : Promise.resolve([]),
  ]);
  const when = (d: Date | string | null) => (d ? formatDateTime(new Date(d), locale, space.timeZone) : "–");
  const texts = personPickerTexts(t);
  const personPicker = (id: string, defaultPersonId?: number | null) => (
    <PersonPicker label={t("mach.usage.person")} name="personId" id={id} purpose="card" required defaultPersonId={defaultPersonId} texts={texts} />
  );

  return (
    <div className="space-y-6">
      <PageTitle>{t("cards.title")}</PageTitle>

      <Card id="unknown" title={t("cards.unknown.title", { days: UNKNOWN_DAYS })} className="space-y-3">
        {unknown.length === 0 && <EmptyState>{t("cards.unknown.none")}</EmptyState>}
        <ul className="space-y-4">
          {unknown.map((u) => (
            <li key={u.uid} className="space-y-2 border-t border-slate-100 pt-3" aria-label={u.uid} data-testid={`unknown-${u.uid}`}>
              <p>
                <span className="font-mono font-semibold">{u.uid}</span> ·{" "}
                {t("cards.unknown.seen", { when: when(u.lastSeenAt), machine: u.machine ?? "–", swipes: u.swipes })}
              </p>
              <div className="grid gap-4 md:grid-cols-2">
                <ActionForm action={registerCardAction} className="space-y-2" label={t("cards.unknown.assign", { uid: u.uid })}>
                  <input type="hidden" name="uid" value={u.uid} />
                  {personPicker(`assign-${u.uid}`)}
                  <SubmitButton>{t("cards.unknown.assignSubmit")}</SubmitButton>
                </ActionForm>
                <ActionForm action={newMemberWithCardAction} className="space-y-2" label={t("cards.unknown.create", { uid: u.uid })}>
                  <input type="hidden" name="uid" value={u.uid} />
                  <TextField label={t("cards.firstName")} name="firstName" id={`first-${u.uid}`} required maxLength={100} />
                  <TextField label={t("cards.lastName")} name="lastName" id={`last-${u.uid}`} maxLength={100} />
                  <TextField label={t("cards.email")} name="email" id={`email-${u.uid}`} type="email" maxLength={200} />
                  <SelectField label={t("cards.status")} name="statusId" id={`status-${u.uid}`} defaultValue={statuses.find((s) => s.key === "member")?.id}>
                    {statuses.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.name}
                      </option>
                    ))}
                  </SelectField>
                  <SubmitButton>{t("cards.unknown.createSubmit")}</SubmitButton>
                </ActionForm>
              </div>
            </li>
          ))}
        </ul>
      </Card>

      <Card id="register" title={t("cards.register.title")} className="space-y-3">
        <ActionForm action={registerCardAction} className="space-y-2" label={t("cards.register.title")}>
          {personPicker("register-person", personId)}
          <TextField label={t("cards.uid")} name="uid" id="register-uid" required maxLength={32} hint={t("cards.uid.hint")} />
          <SubmitButton>{t("cards.register.submit")}</SubmitButton>
        </ActionForm>
      </Card>

      <Card id="history" title={t("cards.history.title")} className="space-y-3">
        <form method="get" className="flex items-end gap-2">
          <PersonPicker label={t("mach.usage.person")} name="person" id="history-person" purpose="card" defaultPersonId={personId} texts={texts} />
          <Button type="submit">{t("cards.history.show")}</Button>
        </form>
        <ul className="divide-y divide-slate-100">
          {history.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center gap-3 py-2">
              <span className="font-mono">{c.uid}</span>
              <span>{t(`card.state.${c.state}`)}</span>
              <span className="text-sm text-slate-500">
                {when(c.issuedAt)}
                {c.endedAt && ` – ${when(c.endedAt)}`} {c.endedReason ?? ""}
              </span>
              {c.state === "active" &&
                (["lost", "revoked"] as const).map((state) => (
                  <ActionForm key={state} action={endCardAction} label={t(state === "lost" ? "cards.markLost" : "cards.markRevoked")} messageAt="bottom">
                    <input type="hidden" name="cardId" value={c.id} />
                    <input type="hidden" name="intent" value={state} />
                    <ConfirmButton question={t(state === "lost" ? "cards.markLostConfirm" : "cards.markRevokedConfirm", { uid: c.uid })}>
                      {t(state === "lost" ? "cards.markLost" : "cards.markRevoked")}
                    </ConfirmButton>
                  </ActionForm>
                ))}
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
