"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { removePersonPhoto, setPersonPhoto } from "@/lib/domain/people/person-photo";
import { getT } from "@/lib/i18n/server";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";
import { getFileStorage } from "@/lib/storage/storage-from-env";
import { notifySubscribersSoon, refusal } from "@/lib/web/people-actions";
import { formInt } from "@/lib/web/people-forms";

/** Used by the own profile and the admin person page alike: the domain lets only the person or the board change it. */
export async function uploadPersonPhotoAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const [user, t] = await Promise.all([getCurrentUser(), getT()]);
  if (!user) return { ok: false, code: "forbidden", message: t("people.error.forbidden") };
  const file = formData.get("photo");
  if (!(file instanceof File) || file.size === 0) return { ok: false, code: "invalid", message: t("photo.missing") };
  const personId = formInt(formData, "personId");
  const result = await setPersonPhoto(getDb(), getFileStorage(), user.personId, personId, Buffer.from(await file.arrayBuffer()));
  if (!result.ok && result.code === "photo_too_large") return { ok: false, code: result.code, message: t("photo.tooLarge") };
  if (!result.ok) return result.field === "photo" ? { ok: false, code: result.code, message: t("photo.notImage") } : refusal(t, result);
  return done(t, personId);
}

export async function removePersonPhotoAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const [user, t] = await Promise.all([getCurrentUser(), getT()]);
  if (!user) return { ok: false, code: "forbidden", message: t("people.error.forbidden") };
  const personId = formInt(formData, "personId");
  const result = await removePersonPhoto(getDb(), getFileStorage(), user.personId, personId);
  return result.ok ? done(t, personId) : refusal(t, result);
}

function done(t: Awaited<ReturnType<typeof getT>>, personId: number): ActionResult {
  notifySubscribersSoon();
  revalidatePath("/profile");
  revalidatePath("/directory");
  revalidatePath(`/admin/people/${personId}`);
  return { ok: true, message: t("people.saved") };
}
