"use server";

import { z } from "zod";
import { createCategory } from "@/lib/domain/inventory/categories";
import { mailLent, mailReturned } from "@/lib/domain/inventory/loan-mail";
import { lendThing, returnThing } from "@/lib/domain/inventory/loans";
import { setThingPhoto } from "@/lib/domain/inventory/thing-photo";
import { createThing, getThing, getThingByNumber, moveThing, thingInput, updateThing } from "@/lib/domain/inventory/things";
import { nameShownTo } from "@/lib/domain/people/shown-names";
import { getLocale } from "@/lib/i18n/server";
import { formatPlainDate } from "@/lib/time";
import { renderPhoto } from "@/lib/storage/photos";
import { getFileStorage } from "@/lib/storage/storage-from-env";
import { defineAction } from "@/lib/web/action";
import { getMailer } from "@/lib/web/mailer";
import { getSpace } from "@/lib/web/space";
import { optionalInt, text } from "@/lib/web/form-data";
import { readPickedPerson } from "@/lib/web/person-pick";
import { boundId, inventoryRefusal, thingFormValues, thingLabels } from "./action-helpers";

const changed = [["/things", "layout"], "/loans"] as const;

function photoOf(formData: FormData): Promise<Buffer> | null {
  const file = formData.get("photo");
  return file instanceof File && file.size > 0 ? file.arrayBuffer().then((b) => Buffer.from(b)) : null;
}

/** Create (number null) or edit a thing; a new category typed into the form wins over the one picked. */
export const saveThingAction = defineAction({
  caller: "user",
  input: thingInput,
  read: thingFormValues,
  bound: z.tuple([z.number().int().positive().nullable()]),
  labels: thingLabels,
  refusals: inventoryRefusal,
  revalidate: ["/things"],
  async run({ actor, db, t, input, formData }, number) {
    // Check everything before writing anything: a refused photo must not leave a half-saved thing behind.
    const photo = await photoOf(formData);
    const rendered = photo ? await renderPhoto(photo) : null;
    if (rendered && !rendered.ok) return { ...rendered, field: "photo" };
    const typed = text(formData, "newCategory").trim();
    const category = typed ? await createCategory(db, actor.personId, typed) : { ok: true as const, id: input.categoryId };
    if (!category.ok) return { ...category, field: "newCategory" };
    const values = { ...input, categoryId: category.id };
    let target = number;
    if (target === null) {
      const created = await createThing(db, actor.personId, values);
      if (!created.ok) return created;
      target = created.number;
    } else {
      const thing = await getThingByNumber(db, target);
      if (!thing) return { ok: false, code: "not_found", message: "" };
      const updated = await updateThing(db, actor.personId, thing.id, values);
      if (!updated.ok) return updated;
    }
    if (photo) {
      const thing = (await getThingByNumber(db, target))!;
      const stored = await setThingPhoto(db, getFileStorage(), actor.personId, thing.id, await photo);
      // Only storage trouble can fail here (the photo was checked above); the thing itself is saved.
      if (!stored.ok)
        return { ok: false, code: stored.code, message: `${t("inv.thing.savedWithoutPhoto", { number: target })} ${t(`inv.error.${stored.code}`)}` };
    }
    return { ok: true, redirect: `/things/${target}` };
  },
});

export const moveThingAction = defineAction({
  caller: "user",
  input: z.object({ locationId: z.number().int().positive().nullable() }),
  read: (formData) => ({ locationId: optionalInt(formData, "locationId") }),
  bound: boundId,
  labels: { locationId: "inv.thing.newLocation" },
  refusals: inventoryRefusal,
  revalidate: [["/things", "layout"]],
  async run({ actor, db, t, input }, thingId) {
    const moved = await moveThing(db, actor.personId, thingId, input.locationId);
    return moved.ok ? { ok: true, message: t("inv.thing.moved") } : moved;
  },
});

// Lending is not a people-admin change, so the people desk's view rights do not apply to the borrower: a keeper may
// lend to anyone on record (not erased); the picker offers only names the keeper may see, and the answer names the
// borrower only as far as the keeper may see the name.
export const lendThingAction = defineAction({
  caller: "user",
  // The due day's rule (today in the space's zone or later) is the domain's; here only its form.
  input: z.object({ borrowerPersonId: z.number().int().positive(), dueAt: z.iso.date(), note: z.string().trim().max(500) }),
  read: async (formData) => ({
    borrowerPersonId: await readPickedPerson(formData, "borrowerPersonId"),
    dueAt: text(formData, "dueAt"),
    note: text(formData, "note"),
  }),
  bound: boundId,
  labels: { borrowerPersonId: "inv.loan.borrower", dueAt: "inv.loan.dueAt", note: "inv.loan.note" },
  refusals: inventoryRefusal,
  refusalFields: { due_in_past: "dueAt" },
  revalidate: changed,
  async run({ actor, db, t, input }, thingId) {
    const lent = await lendThing(db, actor.personId, { thingId, borrowerPersonId: input.borrowerPersonId, dueOn: input.dueAt, note: input.note });
    if (!lent.ok) return lent;
    await mailLent(db, getMailer(), lent.loanId);
    // Said so it cannot be misread: what, to whom (as far as the lender may see the name), until when.
    const [thing, name, locale] = await Promise.all([getThing(db, thingId), nameShownTo(db, actor, input.borrowerPersonId), getLocale()]);
    return {
      ok: true,
      message: t("inv.loan.lent", { thing: thing?.name ?? "", name: name ?? t("picker.hiddenName"), due: formatPlainDate(input.dueAt, locale) }),
    };
  },
});

export const returnThingAction = defineAction({
  caller: "user",
  input: z.object({}),
  bound: boundId,
  refusals: inventoryRefusal,
  revalidate: changed,
  async run({ actor, db, t }, thingId) {
    const returned = await returnThing(db, actor.personId, thingId);
    if (!returned.ok) return returned;
    await mailReturned(db, getMailer(), returned.loanId, (await getSpace()).timeZone);
    return { ok: true, message: t("inv.loan.returned", { thing: (await getThing(db, thingId))?.name ?? "" }) };
  },
});
