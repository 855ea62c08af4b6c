import { CheckboxField, FieldGroup, TextAreaField, TextField } from "@/components/ui/field";
import { WEBHOOK_EVENTS } from "@/lib/domain/webhooks/event-types";
import type { Translate } from "@/lib/i18n/translate";

/** Address, description and the events of a webhook, for adding one and for editing it. */
export function WebhookFields({ t, defaults }: { t: Translate; defaults?: { url: string; description: string; events: string[] } }) {
  return (
    <>
      <TextField label={t("wh.url")} name="url" type="url" required maxLength={2000} defaultValue={defaults?.url} />
      <TextAreaField label={t("wh.description")} name="description" maxLength={200} rows={2} defaultValue={defaults?.description} />
      <FieldGroup name="events" legend={t("wh.events")} className="grid gap-1 sm:grid-cols-2">
        {WEBHOOK_EVENTS.map((e) => (
          <CheckboxField key={e} id={`event-${e}`} name="event" value={e} label={`${e}: ${t(`wh.event.${e}`)}`} defaultChecked={defaults?.events.includes(e)} />
        ))}
      </FieldGroup>
    </>
  );
}
