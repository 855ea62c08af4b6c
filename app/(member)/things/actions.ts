"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { createCategory } from "@/lib/domain/inventory/categories";
import { lendThing, returnThing } from "@/lib/domain/inventory/loans";
import { setThingPhoto } from "@/lib/domain/inventory/thing-photo";
import { renderPhoto } from "@/lib/storage/photos";
import { createThing, getThingByNumber, invalid, moveThing, thingInput, updateThing } from "@/lib/domain/inventory/things";
import { getT } from "@/lib/i18n/server";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";
import { getFileStorage } from "@/lib/storage/storage-from-env";
import { failed, optionalId, textValues, thingInputFrom } from "./action-helpers";

type State = ActionResult | null;

async function actor() {
  const user = await getCurrentUser();
  return user ? { user, t: await getT() } : null;
}

const notLoggedIn = async (): Promise<ActionResult> => ({ ok: false, code: "forbidden", message: (await getT())("inv.error.forbidden") });

/** A new category typed into the form wins over the one picked from the list. */
async function categoryIdFrom(personId: number, values: Record<string, string>) {
  const typed = values.newCategory?.trim();
  if (!typed) return { ok: true as const, id: optionalId(values.categoryId) };
  const created = await createCategory(getDb(), personId, typed);
  return created.ok ? { ok: true as const, id: created.id } : created;
}

function photoOf(formData: FormData): Buffer | Promise<Buffer> | null {
  const file = formData.get("photo");
  return file instanceof File && file.size > 0 ? file.arrayBuffer().then((b) => Buffer.from(b)) : null;
}

export async function saveThingAction(number: number | null, _prev: State, formData: FormData): Promise<ActionResult> {
  const who = await actor();
  if (!who) return notLoggedIn();
  const { user, t } = who;
  const values = textValues(formData);
  // Check everything before writing anything: a refused photo or field must not leave a half-saved thing behind.
  const precheck = thingInput.safeParse(thingInputFrom(values, null));
  if (!precheck.success) return failed(t, invalid(precheck.error), values);
  const photo = await photoOf(formData);
  const rendered = photo ? await renderPhoto(photo) : null;
  if (rendered && !rendered.ok) return failed(t, rendered, values);
  const category = await categoryIdFrom(user.personId, values);
  if (!category.ok) return failed(t, category, values);
  const input = thingInputFrom(values, category.id);
  const db = getDb();
  let target = number;
  if (number === null) {
    const created = await createThing(db, user.personId, input);
    if (!created.ok) return failed(t, created, values);
    target = created.number;
  } else {
    const thing = await getThingByNumber(db, number);
    if (!thing) return failed(t, { ok: false, code: "not_found", message: "" }, values);
    const updated = await updateThing(db, user.personId, thing.id, input);
    if (!updated.ok) return failed(t, updated, values);
  }
  if (photo) {
    const thing = (await getThingByNumber(db, target!))!;
    const stored = await setThingPhoto(db, getFileStorage(), user.personId, thing.id, photo);
    // Only storage trouble can fail here (the photo was checked above); the thing itself is saved.
    if (!stored.ok) return { ok: false, code: stored.code, message: `${t("inv.thing.savedWithoutPhoto", { number: target! })} ${t(`inv.error.${stored.code}`)}`, values };
  }
  revalidatePath("/things");
  redirect(`/things/${target}`);
}

export async function moveThingAction(thingId: number, _prev: State, formData: FormData): Promise<ActionResult> {
  const who = await actor();
  if (!who) return notLoggedIn();
  const result = await moveThing(getDb(), who.user.personId, thingId, optionalId(String(formData.get("locationId") ?? "")));
  if (!result.ok) return failed(who.t, result);
  revalidatePath("/things", "layout");
  return { ok: true, message: who.t("inv.thing.moved") };
}

export async function lendThingAction(thingId: number, _prev: State, formData: FormData): Promise<ActionResult> {
  const who = await actor();
  if (!who) return notLoggedIn();
  const values = textValues(formData);
  const borrower = optionalId(values.borrowerPersonId);
  if (!borrower) return { ok: false, code: "invalid", message: who.t("inv.error.borrowerRequired"), values };
  const result = await lendThing(getDb(), who.user.personId, { thingId, borrowerPersonId: borrower, dueOn: values.dueAt ?? "", note: values.note });
  if (!result.ok) return failed(who.t, result, values);
  revalidatePath("/things", "layout");
  revalidatePath("/loans");
  return { ok: true, message: who.t("inv.loan.lent") };
}

export async function returnThingAction(thingId: number, _prev: State): Promise<ActionResult> {
  const who = await actor();
  if (!who) return notLoggedIn();
  const result = await returnThing(getDb(), who.user.personId, thingId);
  if (!result.ok) return failed(who.t, result);
  revalidatePath("/things", "layout");
  revalidatePath("/loans");
  return { ok: true, message: who.t("inv.loan.returned") };
}
