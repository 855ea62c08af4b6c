import type { Result } from "@/lib/domain/mailing-lists/result";
import type { SyncPlan } from "@/lib/domain/mailing-lists/sync";
import type { Translate } from "@/lib/i18n/translate";

/** The dry run: who would be subscribed and unsubscribed in Mailman, or why Mailman could not be read. */
export function SyncPreview({ t, preview }: { t: Translate; preview: Result<{ plan: SyncPlan }> }) {
  if (!preview.ok) {
    const message = preview.code === "mailman" ? t("ml.error.mailman", { reason: preview.message }) : t(`ml.error.${preview.code}`);
    return (
      <p role="alert" className="text-sm text-red-700">
        {message}
      </p>
    );
  }
  const { plan } = preview;
  return (
    <div className="space-y-2 text-sm" data-testid="sync-preview">
      <p>{t("ml.sync.plan", { subscribe: plan.subscribe.length, unsubscribe: plan.unsubscribe.length, unchanged: plan.unchanged })}</p>
      {plan.subscribe.length > 0 && (
        <div>
          <h3 className="font-semibold">{t("ml.sync.toSubscribe")}</h3>
          <ul className="list-inside list-disc">
            {plan.subscribe.map((s) => (
              <li key={s.email}>{s.email}</li>
            ))}
          </ul>
        </div>
      )}
      {plan.unsubscribe.length > 0 && (
        <div>
          <h3 className="font-semibold">{t("ml.sync.toUnsubscribe")}</h3>
          <ul className="list-inside list-disc">
            {plan.unsubscribe.map((u) => (
              <li key={u.memberId}>{u.email}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
