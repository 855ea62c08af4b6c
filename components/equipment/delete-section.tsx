import { ActionForm } from "@/components/forms/action-form";
import type { ActionResult } from "@/lib/web/action-result";
import { Card } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";

interface Props {
  action: (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;
  id: number;
  labels: { title: string; hint: string; submit: string };
}

/** Deleting a mistaken entry; the domain refuses when history refers to it, and the answer shows here. */
export function DeleteSection({ action, id, labels }: Props) {
  return (
    <Card id="delete-entry" title={labels.title} intro={labels.hint} className="space-y-2">
      <ActionForm action={action} className="space-y-2" label={labels.title}>
        <input type="hidden" name="id" value={id} />
        <ConfirmButton>{labels.submit}</ConfirmButton>
      </ActionForm>
    </Card>
  );
}
