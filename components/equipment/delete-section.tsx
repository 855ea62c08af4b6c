import { ActionForm } from "@/components/forms/action-form";
import type { ActionResult } from "@/lib/web/action-result";
import { cardClass, secondaryButtonClass } from "@/components/ui/styles";

interface Props {
  action: (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;
  id: number;
  labels: { title: string; hint: string; submit: string };
}

/** Deleting a mistaken entry; the domain refuses when history refers to it, and the answer shows here. */
export function DeleteSection({ action, id, labels }: Props) {
  return (
    <section className={`${cardClass} space-y-2`} aria-label={labels.title}>
      <h2 className="text-lg font-semibold">{labels.title}</h2>
      <p className="text-sm text-slate-600">{labels.hint}</p>
      <ActionForm action={action} className="space-y-2" label={labels.title}>
        <input type="hidden" name="id" value={id} />
        <button type="submit" className={`${secondaryButtonClass} border-red-300 text-red-800 hover:bg-red-50`}>
          {labels.submit}
        </button>
      </ActionForm>
    </section>
  );
}
