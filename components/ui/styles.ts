/** The shared looks: one class string per kind of thing, so fields, cards and links look alike on every page (buttons: `button.tsx`). */
// A field and its label: short classes (app/globals.css, .field-input and .field-label) as a form page writes them for
// every field twice, in the HTML and the RSC payload (the admin person page: ~40 fields, issue 20).
export const inputClass = "field-input";
export const labelClass = "field-label";
/** A card's shape without its colours: a tone of `<Card>` gives its own edge and ground (two classes for one colour would fight). */
export const cardShape = "rounded-lg border p-4 shadow-sm sm:p-6";
export const cardClass = `${cardShape} border-slate-200 bg-white`;
export const linkClass = "text-amber-700 underline hover:text-amber-900";
