import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { PhotoInput } from "@/components/inventory/photo-input";
import { MAX_PHOTO_BYTES } from "@/lib/storage/photos";
import { getT } from "@/lib/i18n/server";
import type { ActionResult } from "@/lib/web/action-result";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ConfirmButton } from "@/components/ui/confirm-button";

type Action = (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;

/** Upload, replace or remove a person's photo; the picture comes through the visibility-checked photo route. */
export async function PhotoSection({
  personId,
  photoKey,
  name,
  upload,
  remove,
}: {
  personId: number;
  photoKey: string | null;
  name: string;
  upload: Action;
  remove: Action;
}) {
  const t = await getT();
  return (
    <Card id="photo-title" title={t("photo.title")}>
      <div className="flex flex-wrap items-start gap-4">
        {photoKey ? (
          // The key in the query changes with every new photo, so a cached old picture is never shown.
          // eslint-disable-next-line @next/next/no-img-element
          <img
            src={`/people/${personId}/photo/thumb?v=${encodeURIComponent(photoKey.split("/").pop() ?? "")}`}
            alt={t("photo.of", { name })}
            className="h-32 w-32 rounded border border-slate-200 object-cover"
          />
        ) : (
          <EmptyState small>{t("photo.none")}</EmptyState>
        )}
        <div className="space-y-3">
          <ActionForm action={upload} className="space-y-3" label={t("photo.upload")}>
            <input type="hidden" name="personId" value={personId} />
            <PhotoInput label={t("photo.file")} hint={t("photo.hint")} tooLarge={t("photo.tooLarge")} maxBytes={MAX_PHOTO_BYTES} />
            <SubmitButton>{t("photo.upload")}</SubmitButton>
          </ActionForm>
          {photoKey && (
            <ActionForm action={remove} label={t("photo.remove")}>
              <input type="hidden" name="personId" value={personId} />
              <ConfirmButton look="secondary" question={t("photo.removeConfirm", { name })}>
                {t("photo.remove")}
              </ConfirmButton>
            </ActionForm>
          )}
        </div>
      </div>
    </Card>
  );
}
