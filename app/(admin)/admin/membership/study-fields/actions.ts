"use server";

import { z } from "zod";
import { createStudyField, mergeStudyFields, renameStudyField, setStudyFieldRetired } from "@/lib/domain/people/study-fields";
import { defineAction } from "@/lib/web/action";
import { int, text } from "@/lib/web/form-data";
import { notifySubscribersSoon } from "@/lib/web/people-actions";
import { peopleRefusal } from "@/lib/web/people-admin-actions";

// The list of fields of study (members.write, checked here and again by the domain).
const labels = { name: "sf.name", intoId: "sf.mergeInto" } as const;
const id = z.number().int().positive();
const common = {
  caller: "members.write",
  labels,
  refusals: peopleRefusal(labels),
  revalidate: [
    ["/admin/membership/study-fields", "page"],
    ["/profile", "page"],
  ],
} as const;

export const createStudyFieldAction = defineAction({
  ...common,
  input: z.object({ name: z.string().trim().min(1).max(200) }),
  read: (formData) => ({ name: text(formData, "name") }),
  async run({ actor, db, t, input }) {
    const created = await createStudyField(db, actor.personId, input.name);
    if (!created.ok) return created;
    notifySubscribersSoon();
    return { ok: true, message: t("sf.saved") };
  },
});

export const renameStudyFieldAction = defineAction({
  ...common,
  input: z.object({ name: z.string().trim().min(1).max(200) }),
  read: (formData) => ({ name: text(formData, "name") }),
  bound: z.tuple([id]),
  async run({ actor, db, t, input }, fieldId) {
    const renamed = await renameStudyField(db, actor.personId, fieldId, input.name);
    if (!renamed.ok) return renamed;
    notifySubscribersSoon();
    return { ok: true, message: t("sf.saved") };
  },
});

export const mergeStudyFieldAction = defineAction({
  ...common,
  input: z.object({ intoId: id }),
  read: (formData) => ({ intoId: int(formData, "intoId") }),
  bound: z.tuple([id]),
  async run({ actor, db, t, input }, fieldId) {
    const merged = await mergeStudyFields(db, actor.personId, fieldId, input.intoId);
    if (!merged.ok) return merged;
    notifySubscribersSoon();
    return { ok: true, message: t("sf.merged", { count: merged.moved }) };
  },
});

export const setStudyFieldRetiredAction = defineAction({
  ...common,
  input: z.object({}),
  bound: z.tuple([id, z.boolean()]),
  async run({ actor, db, t }, fieldId, retired) {
    const set = await setStudyFieldRetired(db, actor.personId, fieldId, retired);
    if (!set.ok) return set;
    notifySubscribersSoon();
    return { ok: true, message: t("sf.saved") };
  },
});
