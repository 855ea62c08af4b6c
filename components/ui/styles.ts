/** The shared looks: one class string per kind of thing, so fields, cards and links look alike on every page (buttons: `button.tsx`). */
export const inputClass =
  "block w-full rounded border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-amber-700 focus:outline-none focus:ring-2 focus:ring-amber-700 focus-within:border-amber-700 focus-within:ring-2 focus-within:ring-amber-700 aria-[invalid=true]:border-red-600 aria-[invalid=true]:ring-red-700";
export const labelClass = "mb-1 block text-sm font-medium text-slate-700";
/** A card's shape without its colours: a tone of `<Card>` gives its own edge and ground (two classes for one colour would fight). */
export const cardShape = "rounded-lg border p-4 shadow-sm sm:p-6";
export const cardClass = `${cardShape} border-slate-200 bg-white`;
export const linkClass = "text-amber-700 underline hover:text-amber-900";
