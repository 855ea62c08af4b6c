import { VISIBILITY_FIELDS, type VisibilityField } from "../people/visibility";

/**
 * The profile visibility that guards each personal value an audit entry records of its subject (subjectPersonId):
 * the history shows such a value only to a reader who may see that field of that person (visibility.ts and the
 * reader's view rights, the directory's rule), else "Not shown". Only values of an entry with a subject: the others
 * record no person's profile (a guest's email, the space's contact email).
 */
const BY_FIELD: Readonly<Record<string, VisibilityField>> = {
  firstName: "name",
  lastName: "name",
  email: "email",
  phone: "phone",
  street: "address",
  extra: "address",
  postalCode: "address",
  city: "address",
  country: "address",
  company: "company",
  jobTitle: "jobTitle",
  interests: "interests",
  studies: "studies",
  photo: "photo",
  partnerPersonId: "partner",
  partnerMayEdit: "partner",
};

/** Change types about a person's address: every value they record (which address, shared with whom) is the address's. */
const ADDRESS_CHANGE = /^address\./;

/** The visibility field guarding this recorded value of the entry's subject, or null when it is no personal value. */
export function guardOfValue(entry: { changeType?: string; subjectPersonId?: number | null }, field: string): VisibilityField | null {
  if (entry.subjectPersonId === null || entry.subjectPersonId === undefined) return null;
  if (entry.changeType && ADDRESS_CHANGE.test(entry.changeType)) return "address";
  return Object.hasOwn(BY_FIELD, field) ? BY_FIELD[field]! : null;
}

/** The visibility fields some recorded value is guarded by: what the names' statement asks about each subject. */
export const GUARDED_FIELDS: readonly VisibilityField[] = VISIBILITY_FIELDS.filter((f) => f === "address" || Object.values(BY_FIELD).includes(f));

/** The recorded field names guarded by a visibility field (for the completeness test). */
export const GUARDED_VALUE_FIELDS: readonly string[] = Object.keys(BY_FIELD);
