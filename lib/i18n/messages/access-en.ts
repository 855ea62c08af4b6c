const exceeds = "You cannot hand out more than you hold yourself: this would grant permissions you do not have.";
const outranks = "This person holds permissions you do not have, so only someone who holds them may change this person.";

/** Privilege containment, email change and sessions (issue 13), spread into the English catalog. */
export const accessEn = {
  "people.error.exceeds_own_permissions": exceeds,
  "people.error.outranks_you": outranks,
  "eq.error.exceeds_own_permissions": exceeds,
  "eq.error.outranks_you": outranks,
  "tr.error.exceeds_own_permissions": "Only someone who holds every permission this training grants may pass people in it.",
  "tr.error.outranks_you": outranks,
  "cards.error.exceeds_own_permissions": exceeds,
  "cards.error.outranks_you": outranks,
  "access.endOfYear.skipped": "{count} people hold permissions you do not have and were left as they are; someone who holds them must run this for them.",
};
