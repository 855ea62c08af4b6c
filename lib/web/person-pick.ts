import { getCurrentUser } from "@/lib/auth/current-user";
import { resolvePersonRef } from "@/lib/domain/people/person-ref";
import { getDb } from "./db";
import { Unmatched } from "./field-errors";
import { text } from "./form-data";

/**
 * A person field of a form (the people picker, components/ui/person-picker.tsx) as an action's `read` hands it to
 * the schema: the person's id, nothing when left empty, or — when the typed text names nobody — a value the schema
 * refuses beside the field with "nobody matches". Emails count only for those who may see everyone's.
 */
export async function readPickedPerson(formData: FormData, name: string): Promise<number | Unmatched | undefined> {
  const typed = text(formData, name).trim();
  if (!typed) return undefined;
  const user = await getCurrentUser();
  const byEmail = !!user && (user.permissions.has("members.read") || user.permissions.has("members.write"));
  return (await resolvePersonRef(getDb(), typed, { byEmail })) ?? new Unmatched(typed, "form.error.person");
}
