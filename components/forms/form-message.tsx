import type { ActionResult } from "@/lib/web/action-result";

/** The outcome of a form's action, announced to screen readers. */
export function FormMessage({ result }: { result: ActionResult | null }) {
  if (!result?.message) return null;
  const tone = result.ok ? "border-emerald-300 bg-emerald-50 text-emerald-900" : "border-red-300 bg-red-50 text-red-900";
  return (
    <p role={result.ok ? "status" : "alert"} className={`rounded border px-3 py-2 text-sm ${tone}`}>
      {result.message}
    </p>
  );
}
