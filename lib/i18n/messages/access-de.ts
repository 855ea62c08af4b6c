import type { accessEn } from "./access-en";

const exceeds = "Du kannst nicht mehr vergeben, als du selbst hast: Das würde Rechte verleihen, die du nicht besitzt.";
const outranks = "Diese Person hat Rechte, die du nicht hast. Nur wer diese Rechte selbst hat, darf sie ändern.";

export const accessDe: Record<keyof typeof accessEn, string> = {
  "people.error.exceeds_own_permissions": exceeds,
  "people.error.outranks_you": outranks,
  "eq.error.exceeds_own_permissions": exceeds,
  "eq.error.outranks_you": outranks,
  "tr.error.exceeds_own_permissions": "Nur wer alle Rechte hat, die diese Einschulung verleiht, darf sie als bestanden eintragen.",
  "tr.error.outranks_you": outranks,
  "cards.error.exceeds_own_permissions": exceeds,
  "cards.error.outranks_you": outranks,
  "access.endOfYear.skipped": "{count} Personen haben Rechte, die du nicht hast, und wurden nicht geändert; das muss jemand mit diesen Rechten für sie erledigen.",
};
