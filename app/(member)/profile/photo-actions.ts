"use server";

import { z } from "zod";
import { removePersonPhoto, setPersonPhoto } from "@/lib/domain/people/person-photo";
import type { Failure } from "@/lib/domain/people/result";
import type { Translate } from "@/lib/i18n/translate";
import { getFileStorage } from "@/lib/storage/storage-from-env";
import { defineAction } from "@/lib/web/action";
import { notifySubscribersSoon } from "@/lib/web/people-actions";
import { peopleRefusal } from "@/lib/web/people-admin-actions";
import { formInt } from "@/lib/web/people-forms";

// Used by the own profile and the admin person page alike: the domain lets only the person or the board change it.
type PhotoRefusal = Failure | { ok: false; code: "photo_missing"; message: string; field: "photo" };
function refusals(r: PhotoRefusal, t: Translate): string {
  if (r.code === "photo_missing") return t("photo.missing");
  if (r.code === "photo_too_large") return t("photo.tooLarge");
  return r.field === "photo" ? t("photo.notImage") : peopleRefusal()(r, t);
}
const revalidate = ["/profile", "/directory", ["/(admin)/admin/people/[id]", "page"]] as const;
function saved(t: Translate) {
  notifySubscribersSoon();
  return { ok: true as const, message: t("people.saved") };
}

export const uploadPersonPhotoAction = defineAction({
  caller: "user",
  input: z.object({ personId: z.number(), photo: z.unknown() }),
  read: (formData) => ({ personId: formInt(formData, "personId"), photo: formData.get("photo") }),
  labels: { photo: "photo.file" },
  refusals,
  revalidate,
  async run({ actor, db, t, input: { personId, photo } }) {
    if (!(photo instanceof File) || photo.size === 0) return { ok: false, code: "photo_missing", message: "", field: "photo" } satisfies PhotoRefusal;
    const stored = await setPersonPhoto(db, getFileStorage(), actor.personId, personId, Buffer.from(await photo.arrayBuffer()));
    return stored.ok ? saved(t) : stored;
  },
});

export const removePersonPhotoAction = defineAction({
  caller: "user",
  input: z.object({ personId: z.number() }),
  read: (formData) => ({ personId: formInt(formData, "personId") }),
  refusals,
  revalidate,
  async run({ actor, db, t, input }) {
    const removed = await removePersonPhoto(db, getFileStorage(), actor.personId, input.personId);
    return removed.ok ? saved(t) : removed;
  },
});
